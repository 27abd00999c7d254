using CoCare.Insights.Domain;
using CoCare.Insights.Resources;
using Microsoft.Extensions.Localization;

namespace CoCare.Insights.UI;

/// <summary>How a partnership's indicators read on a page.</summary>
public static class StageText
{
    public static string Share(IStringLocalizer<InsightsText> s, double? value)
    {
        ArgumentNullException.ThrowIfNull(s);
        return value is { } v ? (v * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : s["Kpi.None"];
    }

    public static string Stage(IStringLocalizer<InsightsText> s, CooperationStage stage)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s["Stage." + stage];
    }
}
