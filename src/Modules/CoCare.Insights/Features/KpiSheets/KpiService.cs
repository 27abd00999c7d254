using CoCare.Insights.Domain;
using CoCare.Kernel;

namespace CoCare.Insights.Features.KpiSheets;

/// <summary>
/// The one implementation of the KPIs in DESIGN.md. A KPI whose records one module owns comes from that module's
/// <see cref="IKpiContributor"/>; the KPIs that compare places (coverage, the urban–rural gap) are combined here from the
/// modules' per-region counts (<see cref="IRegionCounts"/>) and the Directory's urban/rural flags.
/// </summary>
public sealed class KpiService(IEnumerable<IKpiContributor> contributors, IEnumerable<IRegionCounts> regionCounts, IDirectory directory) : IKpiService
{
    private const string CoverageUrban = "coverageUrban";
    private const string CoverageRural = "coverageRural";
    private const string UrbanRuralGap = "urbanRuralGap";
    private static readonly string[] Combined = [CoverageUrban, CoverageRural, UrbanRuralGap];

    public bool Knows(string code) => Combined.Contains(code) || contributors.Any(c => c.Codes.Contains(code));

    public async Task<double?> ComputeAsync(string code, KpiScope scope, CancellationToken ct)
    {
        if (Combined.Contains(code))
        {
            return (await PlacesAsync(scope, ct)).Value(code);
        }

        return contributors.FirstOrDefault(c => c.Codes.Contains(code)) is { } source ? await source.ComputeAsync(code, scope, ct) : null;
    }

    /// <summary>Every KPI of <see cref="Kpis.All"/> for the scope, in that order.</summary>
    public async Task<IReadOnlyDictionary<string, double?>> SheetAsync(KpiScope scope, CancellationToken ct)
    {
        var places = await PlacesAsync(scope, ct);
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var code in Kpis.All.Keys)
        {
            values[code] = Combined.Contains(code) ? places.Value(code) : await ComputeAsync(code, scope, ct);
        }

        return values;
    }

    /// <summary>A measure counted per region code (e.g. service person-times per village, for a region grid).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByRegionAsync(string measure, KpiScope scope, CancellationToken ct) =>
        regionCounts.FirstOrDefault(c => c.Measures.Contains(measure)) is { } source
            ? await source.CountByRegionAsync(measure, scope, ct)
            : new Dictionary<string, long>();

    /// <summary>The active regions under the scope, each once.</summary>
    public async Task<IReadOnlyList<RegionFacts>> RegionsAsync(KpiScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var regions = new Dictionary<string, RegionFacts>(StringComparer.Ordinal);
        foreach (var root in scope.RegionCodes)
        {
            foreach (var region in await directory.RegionTreeAsync(root, ct))
            {
                regions[region.Code] = region;
            }
        }

        return [.. regions.Values.OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    private async Task<PlaceFigures> PlacesAsync(KpiScope scope, CancellationToken ct)
    {
        var regions = await RegionsAsync(scope, ct);
        var urban = regions.ToDictionary(r => r.Code, r => r.Urban, StringComparer.Ordinal);
        var facilities = await CountByRegionAsync(Measures.Facilities, scope, ct);
        var places = KpiFormulas.ByKind(await CountByRegionAsync(Measures.Places, scope, ct), urban);
        var elders = KpiFormulas.ByKind(await CountByRegionAsync(Measures.Elders60Plus, scope, ct), urban);
        var villages = regions.Where(r => r.Level == RegionLevel.Village).ToList();
        return new PlaceFigures(
            KpiFormulas.Coverage(villages.Where(v => v.Urban).Select(v => v.Code), facilities),
            KpiFormulas.Coverage(villages.Where(v => !v.Urban).Select(v => v.Code), facilities),
            KpiFormulas.UrbanRuralGap(places.Urban, elders.Urban, places.Rural, elders.Rural));
    }

    private sealed record PlaceFigures(double? CoverageUrban, double? CoverageRural, double? Gap)
    {
        public double? Value(string code) => code switch
        {
            KpiService.CoverageUrban => CoverageUrban,
            KpiService.CoverageRural => CoverageRural,
            _ => Gap,
        };
    }
}
