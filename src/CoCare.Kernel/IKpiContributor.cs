namespace CoCare.Kernel;

/// <summary>Where a KPI is counted: the regions (with everything under them) and an inclusive range of Beijing days.</summary>
public sealed record KpiScope(IReadOnlyList<string> RegionCodes, DateOnly From, DateOnly To)
{
    /// <summary>Whether a record in <paramref name="regionCode"/> counts.</summary>
    public bool Holds(string regionCode) => RegionCodes.Any(r => RegionCode.IsWithin(regionCode, r));
}

/// <summary>
/// The module that owns the records behind a KPI computes it, once, by the definition in DESIGN.md (Services: person-times
/// and meals; Voice: satisfaction and complaint handling). Evaluation's evidence and Insights read KPIs only through
/// contributors. A contributor may also offer the evidence metrics in <see cref="EvidenceMetrics"/>.
/// </summary>
public interface IKpiContributor
{
    /// <summary>The KPI (or evidence metric) codes this contributor computes.</summary>
    IReadOnlyCollection<string> Codes { get; }

    /// <summary>The value for the scope, or null when there is nothing to compute it from (e.g. a rate with no responses).</summary>
    Task<double?> ComputeAsync(string code, KpiScope scope, CancellationToken ct);
}

/// <summary>Figures an evaluation's evidence holds beside the KPIs (not KPIs: no targets are set on them).</summary>
public static class EvidenceMetrics
{
    /// <summary>Complaints received in the period.</summary>
    public const string Complaints = "complaints";

    /// <summary>Share of complaints and other feedback due in the period answered by their deadline.</summary>
    public const string FeedbackOnTimeRate = "feedbackOnTimeRate";

    /// <summary>Completed home-service orders (not canteen meals).</summary>
    public const string HomeServices = "homeServices";

    /// <summary>Meals eaten at a canteen (check-ins).</summary>
    public const string CanteenMeals = "canteenMeals";
}

/// <summary>
/// Every KPI of DESIGN.md (and the evidence metrics) by one definition, for any scope: Insights implements it from the
/// contributors and the per-region counts. Other modules (an evaluation's evidence, the contract page) read KPIs here.
/// </summary>
public interface IKpiService
{
    /// <summary>Whether <paramref name="code"/> is a KPI or metric the platform can compute.</summary>
    bool Knows(string code);

    /// <summary>The value, or null when there is nothing to compute it from (a rate with no responses, a gap with no rural places).</summary>
    Task<double?> ComputeAsync(string code, KpiScope scope, CancellationToken ct);
}
