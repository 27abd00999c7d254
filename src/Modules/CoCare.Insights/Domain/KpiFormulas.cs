using CoCare.Kernel;

namespace CoCare.Insights.Domain;

/// <summary>
/// The KPIs of DESIGN.md that compare places, from per-region counts: coverage (communities or villages with at least
/// one active service point ÷ all of them, urban and rural apart) and the urban–rural gap (facility places per 1,000
/// elders, urban ÷ rural). Plain functions, so that the definition is tested once.
/// </summary>
public static class KpiFormulas
{
    /// <summary>Share of the village-level regions that hold at least one facility; null when there are none.</summary>
    public static double? Coverage(IEnumerable<string> villages, IReadOnlyDictionary<string, long> facilitiesByRegion)
    {
        ArgumentNullException.ThrowIfNull(facilitiesByRegion);
        var all = villages.ToList();
        return all.Count == 0 ? null : Math.Round((double)all.Count(v => facilitiesByRegion.GetValueOrDefault(v) > 0) / all.Count, 4);
    }

    /// <summary>Places per 1,000 elders; null when there are no elders.</summary>
    public static double? PlacesPerThousand(long places, long elders) => elders == 0 ? null : places * 1000.0 / elders;

    /// <summary>Urban places per 1,000 elders ÷ rural; null when either side has no elders or the rural side no places.</summary>
    public static double? UrbanRuralGap(long urbanPlaces, long urbanElders, long ruralPlaces, long ruralElders) =>
        PlacesPerThousand(urbanPlaces, urbanElders) is { } urban && PlacesPerThousand(ruralPlaces, ruralElders) is { } rural && rural > 0
            ? Math.Round(urban / rural, 2)
            : null;

    /// <summary>Sums per-region counts by whether the region is urban; regions the tree does not know are left out.</summary>
    public static (long Urban, long Rural) ByKind(IReadOnlyDictionary<string, long> counts, IReadOnlyDictionary<string, bool> urbanByRegion)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(urbanByRegion);
        long urban = 0, rural = 0;
        foreach (var (region, count) in counts)
        {
            if (urbanByRegion.TryGetValue(region, out var isUrban))
            {
                (urban, rural) = isUrban ? (urban + count, rural) : (urban, rural + count);
            }
        }

        return (urban, rural);
    }
}

/// <summary>The public may not see a count that could point at a person: 1 to 4 (DESIGN.md, the transparency portal).</summary>
public static class Suppression
{
    public const int Threshold = 5;

    public static bool Hides(long count) => count is > 0 and < Threshold;
}

/// <summary>A period of Beijing days; the end may not come before the start.</summary>
public sealed record Period(DateOnly From, DateOnly To)
{
    /// <summary>Records began no earlier than this: the default start of "the whole period".</summary>
    public static readonly DateOnly Beginning = new(2000, 1, 1);

    public static Period Of(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var period = new Period(from ?? Beginning, to ?? today);
        return period.To < period.From ? throw new DomainException("Insights.Period", ErrorKind.Validation, "to") : period;
    }
}
