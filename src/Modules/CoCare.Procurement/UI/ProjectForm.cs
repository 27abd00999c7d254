using CoCare.Procurement.Domain;
using CoCare.Procurement.Features.Projects;
using CoCare.Ui;

namespace CoCare.Procurement.UI;

/// <summary>The project editor's working copy: yuan and percentages as people type them, converted to fen and basis points on save.</summary>
internal sealed class ProjectForm
{
    public string Title { get; set; } = "";
    public Guid PurchaserOrganizationId { get; set; }
    public IReadOnlyCollection<string> Regions { get; set; } = [];
    public decimal BudgetYuan { get; set; }
    public FundingSource FundingSource { get; set; } = FundingSource.County;
    public DateTime? Start { get; set; }
    public DateTime? End { get; set; }
    public bool Recurring { get; set; }
    public List<ItemRow> Items { get; set; } = [];
    public List<KpiRow> Kpis { get; set; } = [];
    public List<PhaseRow> Phases { get; set; } = [];
    public List<EvaluationRow> Evaluations { get; set; } = [];
    public List<CriterionRow> Criteria { get; set; } = [];
    public long Version { get; set; }

    /// <summary>A new project pre-filled with the usual shape: three phases (30/30/40) after signing, mid-term and final evaluation.</summary>
    public static ProjectForm Blank(Guid purchaser, string? region, DateTime now)
    {
        var start = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        return new ProjectForm
        {
            PurchaserOrganizationId = purchaser,
            Regions = region is null ? [] : [region],
            Start = start,
            End = start.AddYears(1).AddDays(-1),
            Items = [new ItemRow { ServiceType = "Meals", Unit = "份", Quantity = 1000, UnitPriceYuan = 15 }],
            Kpis = [new KpiRow { Kpi = "servicePersonTimes", Target = 1000 }, new KpiRow { Kpi = "satisfactionRate", Target = 0.9 }],
            Evaluations = [new EvaluationRow { Kind = EvaluationKind.MidTerm, Name = "中期评估", Due = start.AddMonths(6) }, new EvaluationRow { Kind = EvaluationKind.Final, Name = "终期评估", Due = start.AddMonths(11) }],
            Phases =
            [
                new PhaseRow { Name = "签约后拨付", SharePercent = 30, Trigger = PhaseTrigger.OnSigning },
                new PhaseRow { Name = "中期评估后拨付", SharePercent = 30, Trigger = PhaseTrigger.AfterEvaluation, EvaluationNumber = 1 },
                new PhaseRow { Name = "终期评估后拨付", SharePercent = 40, Trigger = PhaseTrigger.AfterEvaluation, EvaluationNumber = 2 },
            ],
            Criteria = [new CriterionRow { Name = "服务方案", Weight = 50 }, new CriterionRow { Name = "团队能力", Weight = 30 }, new CriterionRow { Name = "预算合理性", Weight = 20 }],
        };
    }

    public static ProjectForm From(ProjectDto p) => new()
    {
        Title = p.Title,
        PurchaserOrganizationId = p.PurchaserOrganizationId,
        Regions = p.RegionCodes,
        BudgetYuan = p.BudgetFen / 100m,
        FundingSource = p.FundingSource,
        Start = p.StartDate.ToDateTime(TimeOnly.MinValue),
        End = p.EndDate.ToDateTime(TimeOnly.MinValue),
        Recurring = p.RecurringWithAssuredBudget,
        Items = [.. p.Items.Select(i => new ItemRow { ServiceType = i.ServiceType, Category = i.Category, Unit = i.Unit, Quantity = i.Quantity, UnitPriceYuan = i.UnitPriceFen / 100m })],
        Kpis = [.. p.KpiTargets.Select(k => new KpiRow { Kpi = k.Kpi, Comparison = k.Comparison, Target = k.Target })],
        Phases = [.. p.Phases.Select(x => new PhaseRow { Name = x.Name, SharePercent = x.ShareBasisPoints / 100m, Trigger = x.Trigger, EvaluationNumber = x.EvaluationNumber ?? 1, FullAt = x.FullShareAtScore, ZeroBelow = x.ZeroBelowScore })],
        Evaluations = [.. p.Evaluations.Select(e => new EvaluationRow { Kind = e.Kind, Name = e.Name, Due = e.DueDate.ToDateTime(TimeOnly.MinValue) })],
        Criteria = [.. p.ReviewCriteria.Select(c => new CriterionRow { Name = c.Name, Weight = c.WeightPercent })],
        Version = p.Version,
    };

    public SaveProject ToRequest() => new(
        Title,
        PurchaserOrganizationId,
        [.. Regions],
        Format.ToFen(BudgetYuan),
        FundingSource,
        DateOnly.FromDateTime(Start ?? DateTime.UtcNow),
        DateOnly.FromDateTime(End ?? DateTime.UtcNow),
        Recurring,
        [.. Items.Select(i => new ServiceItem(i.ServiceType.Trim(), i.Category, i.Unit.Trim(), i.Quantity, Format.ToFen(i.UnitPriceYuan)))],
        [.. Kpis.Select(k => new KpiTarget(k.Kpi, k.Comparison, k.Target))],
        [.. Phases.Select(x => new PaymentPhase(x.Name.Trim(), (int)Math.Round(x.SharePercent * 100m), x.Trigger, x.Trigger == PhaseTrigger.AfterEvaluation ? x.EvaluationNumber : null, x.FullAt, x.ZeroBelow))],
        [.. Evaluations.Select(e => new PlannedEvaluation(e.Kind, e.Name.Trim(), DateOnly.FromDateTime(e.Due ?? DateTime.UtcNow)))],
        [.. Criteria.Select(c => new ReviewCriterion(c.Name.Trim(), c.Weight))],
        Version);
}

internal sealed class ItemRow
{
    public string ServiceType { get; set; } = "";
    public PurchaseCategory Category { get; set; } = PurchaseCategory.Service;
    public string Unit { get; set; } = "次";
    public long Quantity { get; set; }
    public decimal UnitPriceYuan { get; set; }
}

internal sealed class KpiRow
{
    public string Kpi { get; set; } = "servicePersonTimes";
    public Comparison Comparison { get; set; } = Comparison.AtLeast;
    public double Target { get; set; }
}

internal sealed class PhaseRow
{
    public string Name { get; set; } = "";
    public decimal SharePercent { get; set; }
    public PhaseTrigger Trigger { get; set; } = PhaseTrigger.AfterEvaluation;
    public int EvaluationNumber { get; set; } = 1;
    public int FullAt { get; set; } = 80;
    public int ZeroBelow { get; set; } = 60;
}

internal sealed class EvaluationRow
{
    public EvaluationKind Kind { get; set; } = EvaluationKind.Final;
    public string Name { get; set; } = "";
    public DateTime? Due { get; set; }
}

internal sealed class CriterionRow
{
    public string Name { get; set; } = "";
    public int Weight { get; set; }
}
