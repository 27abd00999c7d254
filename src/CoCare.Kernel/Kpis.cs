namespace CoCare.Kernel;

/// <summary>How a KPI's value is expressed, which decides what a valid target is.</summary>
public enum KpiUnit
{
    Count,
    Rate,
    Ratio,
    Hours,
}

/// <summary>
/// The KPIs defined in DESIGN.md, by the code the Insights API uses. One list for the whole platform:
/// a contract may only promise a KPI the platform can compute.
/// </summary>
public static class Kpis
{
    public static readonly IReadOnlyDictionary<string, KpiUnit> All = new Dictionary<string, KpiUnit>(StringComparer.Ordinal)
    {
        ["servicePersonTimes"] = KpiUnit.Count,
        ["meals"] = KpiUnit.Count,
        ["satisfactionRate"] = KpiUnit.Rate,
        ["coverageUrban"] = KpiUnit.Rate,
        ["coverageRural"] = KpiUnit.Rate,
        ["facilities"] = KpiUnit.Count,
        ["certifiedCaregiverRatioUrban"] = KpiUnit.Rate,
        ["certifiedCaregiverRatioRural"] = KpiUnit.Rate,
        ["urbanRuralGap"] = KpiUnit.Ratio,
        ["leverageRatio"] = KpiUnit.Ratio,
        ["matchRate"] = KpiUnit.Rate,
        ["complaintResponseMedianHours"] = KpiUnit.Hours,
        ["elders60Plus"] = KpiUnit.Count,
    };

    public static bool IsKnown(string? code) => code is not null && All.ContainsKey(code);
}
