using System.Runtime.CompilerServices;
using CoCare.Insights.Domain;
using CoCare.Kernel;

namespace CoCare.Insights.Features.KpiSheets;

/// <summary>One record behind a KPI as the drill-down shows it: the region by name, the person (if any) masked.</summary>
public sealed record KpiRecordRow(Guid Id, DateOnly? Day, string RegionCode, string RegionName, string Kind, string What, string? Who, string? Counts);

/// <summary>
/// The KPI API: the sheet of every KPI for a region and period (the caller's part of it), the same without anything that
/// could point at a person for the public, and the records behind each number, page by page or all of them for an export.
/// </summary>
public sealed class KpiHandlers(KpiService kpis, KpiScopes scopes, IEnumerable<IKpiRecords> owners)
{
    private const int MaxPageSize = 200;

    /// <summary>The sheet: <c>region</c>, <c>from</c>, <c>to</c> and then every KPI by its code (rates as fractions).</summary>
    public async Task<IReadOnlyDictionary<string, object?>> SheetAsync(string? region, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var scope = await scopes.ForCallerAsync(region, from, to, ct);
        return Sheet(scope, await kpis.SheetAsync(scope, ct), []);
    }

    /// <summary>
    /// The public sheet: counts of people or their records of 1 to 4 — and rates computed from fewer than 5 records — are
    /// suppressed (null, named in <c>suppressed</c>); facilities are places, not people, and always shown.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, object?>> PublicSheetAsync(string? region, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var scope = await scopes.ForPublicAsync(region, from, to, ct);
        var values = new Dictionary<string, double?>(await kpis.SheetAsync(scope, ct), StringComparer.Ordinal);
        var suppressed = new List<string>();
        foreach (var (code, value) in values.Where(v => v.Key != Measures.Facilities).ToList())
        {
            var basis = Kpis.All[code] == KpiUnit.Count ? (long?)value : Owner(code) is { } owner ? await owner.CountRecordsAsync(code, scope, ct) : null;
            if (value is not null && basis is { } n && Suppression.Hides(n))
            {
                values[code] = null;
                suppressed.Add(code);
            }
        }

        return Sheet(scope, values, suppressed);
    }

    public async Task<Page<KpiRecordRow>> RecordsAsync(string code, string? region, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct)
    {
        var scope = await scopes.ForCallerAsync(region, from, to, ct);
        var (number, size) = (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 50, 1, MaxPageSize));
        var names = await RegionNamesAsync(scope, ct);
        if (code is "coverageUrban" or "coverageRural")
        {
            var villages = await VillagesAsync(code, scope, ct);
            return new Page<KpiRecordRow>([.. villages.Skip((number - 1) * size).Take(size)], villages.Count, number, size);
        }

        var owner = Owner(RecordCode(code)) ?? throw DomainException.NotFound("Insights.UnknownKpi", code);
        var total = await owner.CountRecordsAsync(RecordCode(code), scope, ct);
        var rows = await owner.RecordsAsync(RecordCode(code), scope, (number - 1) * size, size, ct);
        return new Page<KpiRecordRow>([.. rows.Select(r => Row(r, names))], (int)Math.Min(int.MaxValue, total), number, size);
    }

    /// <summary>Every record behind a KPI, read in batches by its owner (an export of millions of rows holds one batch at a time).</summary>
    public async Task<IAsyncEnumerable<KpiRecordRow>> AllRecordsAsync(string code, string? region, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var scope = await scopes.ForCallerAsync(region, from, to, ct);
        var names = await RegionNamesAsync(scope, ct);
        if (code is "coverageUrban" or "coverageRural")
        {
            return (await VillagesAsync(code, scope, ct)).ToAsyncEnumerable();
        }

        var owner = Owner(RecordCode(code)) ?? throw DomainException.NotFound("Insights.UnknownKpi", code);
        return Rows(owner.StreamAsync(RecordCode(code), scope, ct), names, ct);
    }

    private static async IAsyncEnumerable<KpiRecordRow> Rows(IAsyncEnumerable<KpiRecord> records, IReadOnlyDictionary<string, string> names,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var record in records.WithCancellation(ct))
        {
            yield return Row(record, names);
        }
    }

    /// <summary>The urban–rural gap drills into the facilities and their places.</summary>
    private static string RecordCode(string code) => code == "urbanRuralGap" ? Measures.Facilities : code;

    private IKpiRecords? Owner(string code) => owners.FirstOrDefault(o => o.Codes.Contains(code));

    private async Task<IReadOnlyList<KpiRecordRow>> VillagesAsync(string code, KpiScope scope, CancellationToken ct)
    {
        var urban = code == "coverageUrban";
        var facilities = await kpis.CountByRegionAsync(Measures.Facilities, scope, ct);
        return [.. (await kpis.RegionsAsync(scope, ct)).Where(r => r.Level == RegionLevel.Village && r.Urban == urban)
            .Select(r => new KpiRecordRow(Guid.Empty, null, r.Code, r.Name, "region", r.Name, null,
                facilities.GetValueOrDefault(r.Code) > 0 ? "covered" : "notCovered"))];
    }

    private async Task<IReadOnlyDictionary<string, string>> RegionNamesAsync(KpiScope scope, CancellationToken ct) =>
        (await kpis.RegionsAsync(scope, ct)).ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);

    private static KpiRecordRow Row(KpiRecord r, IReadOnlyDictionary<string, string> names) =>
        new(r.Id, r.Day, r.RegionCode, names.GetValueOrDefault(r.RegionCode, r.RegionCode), r.Kind, r.What, r.Who, r.Counts);

    private static Dictionary<string, object?> Sheet(KpiScope scope, IReadOnlyDictionary<string, double?> values, IReadOnlyList<string> suppressed)
    {
        var sheet = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["regions"] = scope.RegionCodes,
            ["from"] = scope.From,
            ["to"] = scope.To,
        };
        foreach (var (code, value) in values)
        {
            sheet[code] = value;
        }

        sheet["suppressed"] = suppressed;
        return sheet;
    }
}
