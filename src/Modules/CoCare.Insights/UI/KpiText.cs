using System.Globalization;
using CoCare.Insights.Resources;
using CoCare.Kernel;
using Microsoft.Extensions.Localization;

namespace CoCare.Insights.UI;

/// <summary>How a KPI reads on a page: its name and its value in its unit (rates as percentages, ratios with ×).</summary>
public static class KpiText
{
    public static string Name(IStringLocalizer<InsightsText> s, string code)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s["Kpi." + code];
    }

    public static string Value(IStringLocalizer<InsightsText> s, string code, double? value)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (value is not { } v)
        {
            return s["Kpi.None"];
        }

        return Kpis.All.GetValueOrDefault(code, KpiUnit.Count) switch
        {
            KpiUnit.Rate => (v * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%",
            KpiUnit.Ratio => v.ToString("0.##", CultureInfo.InvariantCulture) + "×",
            KpiUnit.Hours => s["Kpi.Hours", v.ToString("0.#", CultureInfo.InvariantCulture)],
            _ => v.ToString("N0", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The query string of a scope, for links that keep the region and period.</summary>
    public static string Query(string? region, DateOnly from, DateOnly to) =>
        $"region={Uri.EscapeDataString(region ?? "")}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
}
