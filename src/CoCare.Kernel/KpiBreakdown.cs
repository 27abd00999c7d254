namespace CoCare.Kernel;

/// <summary>
/// Measures counted per region for the KPIs that compare places (coverage, facilities, the certified-caregiver ratio and
/// the urban–rural gap) and for region grids. Not KPIs themselves: Insights combines them by DESIGN.md's definitions.
/// </summary>
public static class Measures
{
    /// <summary>Active service points (community service facilities), counted where each serves.</summary>
    public const string Facilities = "facilities";

    /// <summary>The places the active service points offer (seats a session), counted where each serves.</summary>
    public const string Places = "places";

    /// <summary>Active elders aged 60 and over on the last day of the period, counted in their village.</summary>
    public const string Elders60Plus = "elders60Plus";

    /// <summary>Active elder-care workers (养老服务从业人员), counted where they work.</summary>
    public const string CareWorkers = "careWorkers";

    /// <summary>Active elder-care workers holding an elder-care certificate (养老护理员证书).</summary>
    public const string CertifiedCareWorkers = "certifiedCareWorkers";

    /// <summary>Service person-times in the period, counted in the elder's village.</summary>
    public const string ServicePersonTimes = "servicePersonTimes";
}

/// <summary>A module's counts of a <see cref="Measures"/> measure by the region code each record carries (a village, or a wider region).</summary>
public interface IRegionCounts
{
    IReadOnlyCollection<string> Measures { get; }

    Task<IReadOnlyDictionary<string, long>> CountByRegionAsync(string measure, KpiScope scope, CancellationToken ct);
}

/// <summary>
/// One record behind a KPI, as a drill-down lists it: never an ID number, phone or address; a person's name only
/// masked (<see cref="Masking.Name"/>). <paramref name="Counts"/> says how the record enters the number (e.g. "positive"
/// for a rating of 4 or 5, "answered" for a need met by a delivered service), or, with a value, as "code:value" (e.g.
/// "hours:2.5" for a complaint first answered after 2.5 hours, "government:120000" for a contribution of ¥1,200.00 in fen).
/// </summary>
public sealed record KpiRecord(Guid Id, DateOnly? Day, string RegionCode, string Kind, string What, string? Who, string? Counts);

/// <summary>
/// The owner of a KPI's records lists them, from the same query the number is counted with, so that a number never
/// disagrees with the records it drills into. Ordered by day (newest first), then id.
/// </summary>
public interface IKpiRecords
{
    IReadOnlyCollection<string> Codes { get; }

    Task<long> CountRecordsAsync(string code, KpiScope scope, CancellationToken ct);

    Task<IReadOnlyList<KpiRecord>> RecordsAsync(string code, KpiScope scope, int skip, int take, CancellationToken ct);

    /// <summary>Every record, read in batches (for exports of millions of rows).</summary>
    IAsyncEnumerable<KpiRecord> StreamAsync(string code, KpiScope scope, CancellationToken ct);
}
