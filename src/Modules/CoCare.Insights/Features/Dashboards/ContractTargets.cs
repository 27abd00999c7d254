using CoCare.Insights.Features.KpiSheets;
using CoCare.Kernel;

namespace CoCare.Insights.Features.Dashboards;

/// <summary>
/// A contract's KPI targets against the values over its regions from its start to <c>today</c> (or its end): count
/// targets are pro-rated to the days elapsed, as the evaluation's evidence does; rates are compared as they stand.
/// </summary>
public sealed class ContractTargets(KpiService kpis)
{
    public async Task<IReadOnlyList<TargetLine>> ForAsync(ContractFacts contract, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var to = today < contract.EndDate ? today : contract.EndDate;
        if (to < contract.StartDate)
        {
            return [];
        }

        var scope = new KpiScope(contract.RegionCodes, contract.StartDate, to);
        var fraction = (double)(to.DayNumber - contract.StartDate.DayNumber + 1) / (contract.EndDate.DayNumber - contract.StartDate.DayNumber + 1);
        var lines = new List<TargetLine>();
        foreach (var t in contract.KpiTargets)
        {
            var proRated = Kpis.All.GetValueOrDefault(t.Kpi) == KpiUnit.Count ? Math.Round(t.Target * fraction, 1) : t.Target;
            var value = await kpis.ComputeAsync(t.Kpi, scope, ct);
            lines.Add(new TargetLine(t.Kpi, t.AtLeast, t.Target, proRated, value, value is { } v ? (t.AtLeast ? v >= proRated : v <= proRated) : null));
        }

        return lines;
    }
}
