using System.Globalization;
using CoCare.Insights.Resources;
using CoCare.Ui.Exports;
using Microsoft.Extensions.Localization;

namespace CoCare.Insights.Features.KpiSheets;

/// <summary>The columns of a KPI's records, as the drill-down page shows them and the exports write them.</summary>
public static class RecordColumns
{
    public static IReadOnlyList<ExportColumn<KpiRecordRow>> For(IStringLocalizer<InsightsText> s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return
        [
            new(s["Record.Day"], r => r.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new(s["Record.Region"], r => r.RegionName),
            new(s["Record.RegionCode"], r => r.RegionCode),
            new(s["Record.Kind"], r => Text(s, "Kind." + r.Kind, r.Kind)),
            new(s["Record.What"], r => Text(s, "What." + r.What, r.What)),
            new(s["Record.Who"], r => r.Who),
            new(s["Record.Counts"], r => r.Counts is null ? null : Text(s, "Counts." + r.Counts, r.Counts)),
        ];
    }

    /// <summary>The localized text for a code, or the code itself when there is none (a service type, a session name).</summary>
    public static string Text(IStringLocalizer<InsightsText> s, string key, string fallback)
    {
        ArgumentNullException.ThrowIfNull(s);
        var text = s[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
