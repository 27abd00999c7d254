using System.Runtime.CompilerServices;
using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Residents.Features.ServiceList;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Residents.Features;

/// <summary>
/// The KPIs whose records Residents holds: the elders aged 60 and over (active archives, age on the last day of the
/// period, counted in their village) and the match rate (needs recorded in the period answered by a delivered service ÷
/// needs recorded). Names in drill-downs are masked; nothing else of the archive leaves the module.
/// </summary>
internal sealed class ResidentsKpis(AppDbContext db, NeedsMatching matching) : IKpiContributor, IRegionCounts, IKpiRecords
{
    private const string MatchRate = "matchRate";
    private const int Batch = 2_000;

    public IReadOnlyCollection<string> Codes { get; } = [Measures.Elders60Plus, MatchRate];

    IReadOnlyCollection<string> IRegionCounts.Measures { get; } = [Measures.Elders60Plus];

    public async Task<double?> ComputeAsync(string code, KpiScope scope, CancellationToken ct) => code switch
    {
        Measures.Elders60Plus => await Elders(scope).LongCountAsync(ct),
        MatchRate => new Kernel.MatchRate(await Needs(scope).CountAsync(ct), await Needs(scope).CountAsync(n => n.FirstDeliveredAt != null, ct), 0, 0, 0, 0, 0).Rate,
        _ => null,
    };

    public async Task<IReadOnlyDictionary<string, long>> CountByRegionAsync(string measure, KpiScope scope, CancellationToken ct) =>
        measure != Measures.Elders60Plus
            ? new Dictionary<string, long>()
            : (await Elders(scope).GroupBy(e => e.VillageCode).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct)).ToDictionary(r => r.Key, r => r.Count);

    public async Task<long> CountRecordsAsync(string code, KpiScope scope, CancellationToken ct) => code switch
    {
        Measures.Elders60Plus => await Elders(scope).LongCountAsync(ct),
        MatchRate => await Needs(scope).LongCountAsync(ct),
        _ => 0,
    };

    public async Task<IReadOnlyList<KpiRecord>> RecordsAsync(string code, KpiScope scope, int skip, int take, CancellationToken ct) => code switch
    {
        Measures.Elders60Plus => await ElderRecords(Elders(scope).OrderBy(e => e.VillageCode).ThenBy(e => e.Id).Skip(skip).Take(take), scope.To).ToListAsync(ct),
        MatchRate => await NeedRecords(Needs(scope).OrderByDescending(n => n.RecordedAt).ThenBy(n => n.Id).Skip(skip).Take(take)).ToListAsync(ct),
        _ => [],
    };

    public async IAsyncEnumerable<KpiRecord> StreamAsync(string code, KpiScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        for (Guid? after = null; code is Measures.Elders60Plus or MatchRate;)
        {
            var batch = code == MatchRate
                ? await NeedRecords((after is { } n ? Needs(scope).Where(x => x.Id.CompareTo(n) > 0) : Needs(scope)).OrderBy(x => x.Id).Take(Batch)).ToListAsync(ct)
                : await ElderRecords((after is { } e ? Elders(scope).Where(x => x.Id.CompareTo(e) > 0) : Elders(scope)).OrderBy(x => x.Id).Take(Batch), scope.To).ToListAsync(ct);
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

    private IQueryable<Elder> Elders(KpiScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var bornBy = scope.To.AddYears(-60);
        return db.Set<Elder>().AsNoTracking().WhereRegionUnder(e => e.VillageCode, RegionCode.Prefixes(scope.RegionCodes))
            .Where(e => e.IsActive && e.BirthDate <= bornBy);
    }

    private IQueryable<Need> Needs(KpiScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return matching.Needs(RegionCode.Prefixes(scope.RegionCodes), scope.From, scope.To);
    }

    private static IQueryable<KpiRecord> ElderRecords(IQueryable<Elder> elders, DateOnly day) =>
        elders.Select(e => new KpiRecord(e.Id, null, e.VillageCode, "elder", Age.On(e.BirthDate, day).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Masking.Name(e.Name), null));

    private IQueryable<KpiRecord> NeedRecords(IQueryable<Need> needs) =>
        needs.Join(db.Set<Elder>(), n => n.ElderId, e => e.Id, (n, e) => new { n, e.VillageCode, e.Name })
            .Select(x => new KpiRecord(x.n.Id, ChinaTime.Day(x.n.RecordedAt), x.VillageCode, "need", x.n.Category.ToString(), Masking.Name(x.Name),
                x.n.FirstDeliveredAt != null ? "answered" : "unanswered"));
}
