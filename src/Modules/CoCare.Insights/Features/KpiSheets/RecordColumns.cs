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
            new(s["Record.Counts"], r => Counts(s, r.Counts)),
        ];
    }

    /// <summary>How a record enters its number, in words: a code ("positive") or a code with its value ("hours:2.5", "government:120000" in fen).</summary>
    public static string? Counts(IStringLocalizer<InsightsText> s, string? counts)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (counts is null)
        {
            return null;
        }

        var colon = counts.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return Text(s, "Counts." + counts, counts);
        }

        var (code, value) = (counts[..colon], counts[(colon + 1)..]);
        var shown = code is "government" or "other" && long.TryParse(value, CultureInfo.InvariantCulture, out var fen) ? CoCare.Ui.Format.Yuan(fen) : value;
        var text = s["Counts." + code, shown];
        return text.ResourceNotFound ? counts : text.Value;
    }

    /// <summary>The localized text for a code, or the code itself when there is none (a service type, a session name).</summary>
    public static string Text(IStringLocalizer<InsightsText> s, string key, string fallback)
    {
        ArgumentNullException.ThrowIfNull(s);
        var text = s[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
