using System.Runtime.CompilerServices;
using CoCare.Data;
using CoCare.Directory.Domain;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Directory.Features.Kpis;

/// <summary>
/// The certified-caregiver ratio (持证率, DESIGN.md): active elder-care workers holding an elder-care certificate ÷ all
/// active elder-care workers, kept apart for those working in urban and in rural regions (the region's own flag).
/// Drill-downs list the workers with masked names; certificate numbers never leave the module.
/// </summary>
internal sealed class DirectoryKpis(AppDbContext db) : IKpiContributor, IRegionCounts, IKpiRecords
{
    private const string Urban = "certifiedCaregiverRatioUrban";
    private const string Rural = "certifiedCaregiverRatioRural";
    private const int Batch = 2_000;

    public IReadOnlyCollection<string> Codes { get; } = [Urban, Rural];

    IReadOnlyCollection<string> IRegionCounts.Measures { get; } = [Measures.CareWorkers, Measures.CertifiedCareWorkers];

    public async Task<double?> ComputeAsync(string code, KpiScope scope, CancellationToken ct)
    {
        if (!Codes.Contains(code))
        {
            return null;
        }

        var workers = Workers(code, scope);
        var all = await workers.CountAsync(ct);
        return all == 0 ? null : Math.Round((double)await workers.CountAsync(p => p.CaregiverCertificate != null, ct) / all, 4);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByRegionAsync(string measure, KpiScope scope, CancellationToken ct)
    {
        var workers = Workers(null, scope);
        if (measure == Measures.CertifiedCareWorkers)
        {
            workers = workers.Where(p => p.CaregiverCertificate != null);
        }

        return measure is Measures.CareWorkers or Measures.CertifiedCareWorkers
            ? (await workers.GroupBy(p => p.WorkRegionCode!).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct)).ToDictionary(r => r.Key, r => r.Count)
            : new Dictionary<string, long>();
    }

    public async Task<long> CountRecordsAsync(string code, KpiScope scope, CancellationToken ct) =>
        Codes.Contains(code) ? await Workers(code, scope).LongCountAsync(ct) : 0;

    public async Task<IReadOnlyList<KpiRecord>> RecordsAsync(string code, KpiScope scope, int skip, int take, CancellationToken ct) =>
        Codes.Contains(code) ? await Records(Workers(code, scope).OrderBy(p => p.WorkRegionCode).ThenBy(p => p.Id).Skip(skip).Take(take)).ToListAsync(ct) : [];

    public async IAsyncEnumerable<KpiRecord> StreamAsync(string code, KpiScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        for (Guid? after = null; Codes.Contains(code);)
        {
            var workers = after is { } last ? Workers(code, scope).Where(p => p.Id.CompareTo(last) > 0) : Workers(code, scope);
            var batch = await Records(workers.OrderBy(p => p.Id).Take(Batch)).ToListAsync(ct);
            foreach (var row in batch)
            {
                yield return row;
            }

            if (batch.Count < Batch)
            {
                yield break;
            }

            after = batch[^1].Id;
        }
    }

    /// <summary>Active care workers in the scope; for a ratio code only those whose work region is urban (or rural).</summary>
    private IQueryable<Person> Workers(string? code, KpiScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var workers = db.Set<Person>().AsNoTracking().Where(p => p.IsActive && p.CareWorker && p.WorkRegionCode != null)
            .WhereRegionUnder(p => p.WorkRegionCode!, RegionCode.Prefixes(scope.RegionCodes));
        if (code is null)
        {
            return workers;
        }

        var kind = code == Urban ? RegionKind.Urban : RegionKind.Rural;
        var regions = db.Set<Region>().Where(r => r.Kind == kind).Select(r => r.Code);
        return workers.Where(p => regions.Contains(p.WorkRegionCode!));
    }

    private static IQueryable<KpiRecord> Records(IQueryable<Person> workers) =>
        workers.Select(p => new KpiRecord(p.Id, null, p.WorkRegionCode!, "careWorker", p.Position ?? "", Masking.Name(p.Name),
            p.CaregiverCertificate != null ? "certified" : "notCertified"));
}
