using System.Globalization;
using System.Security.Cryptography;
using CoCare.Data;
using CoCare.Evaluation.Domain;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Evaluation.Features.Evaluations;

/// <summary>
/// Pulls an evaluation's evidence from what the platform knows: every figure the indicator system's formulas and the
/// contract's KPI targets need, from the modules that own the records (<see cref="IKpiService"/>), over the
/// contract's regions from its start to the evaluation date; the targets pro-rated to that part of the period (counts
/// only); the payments so far; and a sample of service records drawn with a fresh seed that is stored with it.
/// Formula leaves are scored from it, with the figure and the rule as their reason.
/// </summary>
public sealed class EvidenceCollector(AppDbContext db, IKpiService kpis, IServiceFacts services)
{
    private static readonly string[] Always = [EvidenceMetrics.HomeServices, EvidenceMetrics.CanteenMeals, EvidenceMetrics.Complaints, EvidenceMetrics.FeedbackOnTimeRate];

    public async Task<Evidence> CollectAsync(ContractFacts contract, IReadOnlyList<Indicator> indicators, DateOnly evaluationDate, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var to = evaluationDate < contract.EndDate ? evaluationDate : contract.EndDate;
        var scope = new KpiScope(contract.RegionCodes, contract.StartDate, to);
        var fraction = Math.Clamp((double)(to.DayNumber - contract.StartDate.DayNumber + 1) / (contract.EndDate.DayNumber - contract.StartDate.DayNumber + 1), 0, 1);

        var wanted = IndicatorTree.Leaves(indicators).Select(l => l.Kpi).OfType<string>()
            .Select(k => k.StartsWith(Indicator.CompletionPrefix, StringComparison.Ordinal) ? k[Indicator.CompletionPrefix.Length..] : k)
            .Concat(contract.KpiTargets.Select(t => t.Kpi)).Concat(Always).Distinct(StringComparer.Ordinal).ToList();
        var figures = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var code in wanted)
        {
            if (kpis.Knows(code))
            {
                figures[code] = await kpis.ComputeAsync(code, scope, ct);
            }
        }

        var targets = contract.KpiTargets.Select(t =>
        {
            var proRated = Kpis.All.GetValueOrDefault(t.Kpi) == KpiUnit.Count ? Math.Round(t.Target * fraction, 2) : t.Target;
            var value = figures.GetValueOrDefault(t.Kpi);
            return new TargetCheck(t.Kpi, t.AtLeast, t.Target, proRated, value, value is { } v ? (t.AtLeast ? v >= proRated : v <= proRated) : null);
        }).ToList();
        foreach (var t in targets.Where(t => t.ProRatedTarget > 0))
        {
            figures[Indicator.CompletionPrefix + t.Kpi] = t.Value is { } v ? Math.Round(v / t.ProRatedTarget, 4) : null;
        }

        var paid = await db.Set<Payment>().Where(p => p.ContractId == contract.Id && p.Status == PaymentStatus.Paid).SumAsync(p => p.AmountFen, ct);
        var budget = contract.BudgetLines.Sum(b => b.AmountFen);
        var lastDay = to;
        var reviewedBy = ChinaTime.Utc(to.AddDays(1), TimeOnly.MinValue);
        var spent = await db.Set<Expenditure>()
            .Where(x => x.ContractId == contract.Id && x.Status == ExpenditureStatus.Accepted && x.SpentOn <= lastDay && x.ReviewedAt < reviewedBy).SumAsync(x => x.AmountFen, ct);
        figures[Evidence.BudgetExecution] = budget == 0 ? null : Math.Round((double)spent / budget, 4);

        var records = await services.DeliveriesAsync(scope, 500_000, ct);
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var sample = Evidence.Draw(records.Count, Evidence.SampleSize, seed)
            .Select(i => records[i])
            .Select(r => new SampledRecord(r.Id, r.ServicePointId is null ? "Order" : "Meal", r.ServiceTypeCode, r.VillageCode, r.CompletedAt)).ToList();
        return new Evidence(contract.StartDate, to, now, figures, targets, records.Count, seed, sample, paid, budget, spent);
    }

    /// <summary>The formula leaves the evidence has a figure for, scored, each with its reason (the figure and the rule).</summary>
    public static IReadOnlyList<LeafScore> Score(IReadOnlyList<Indicator> indicators, Evidence evidence, DateTime now) =>
        IndicatorTree.Leaves(indicators)
            .Where(l => l.Method != ScoringMethod.Judgement && evidence.Figures.GetValueOrDefault(l.Kpi!) is not null)
            .Select(l =>
            {
                var value = evidence.Figures[l.Kpi!]!.Value;
                var rule = l.Method == ScoringMethod.Linear
                    ? $"{l.Kpi} = {Number(value)}; {Number(l.FullAt!.Value)} → {Number(l.MaxScore)}, {Number(l.ZeroAt!.Value)} → 0, linear between"
                    : $"{l.Kpi} = {Number(value)}; reaching {Number(l.FullAt!.Value)} → {Number(l.MaxScore)}, otherwise 0";
                return new LeafScore(l.Code, IndicatorTree.FormulaScore(l, value), rule, true, "platform", now);
            }).ToList();

    private static string Number(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Number(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
