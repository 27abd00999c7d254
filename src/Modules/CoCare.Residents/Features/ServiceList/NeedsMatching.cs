using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Residents.Features.ServiceList;

/// <summary>The match rate, computed from the needs themselves; deliveries come from the Services module.</summary>
public sealed class NeedsMatching(AppDbContext db, TimeProvider clock) : INeedsMatching
{
    public async Task<MatchRate> MatchRateAsync(string? regionCode, DateOnly? firstDay, DateOnly? lastDay, CancellationToken ct)
    {
        var needs = Needs(regionCode is null ? null : RegionCode.Prefixes([regionCode]), firstDay, lastDay);
        var byStatus = await needs.GroupBy(n => n.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var answered = await needs.CountAsync(n => n.FirstDeliveredAt != null, ct);
        int Count(NeedStatus status) => byStatus.FirstOrDefault(s => s.Status == status)?.Count ?? 0;
        return new MatchRate(byStatus.Sum(s => s.Count), answered, Count(NeedStatus.Open), Count(NeedStatus.Planned), Count(NeedStatus.BeingServed),
            Count(NeedStatus.Met), Count(NeedStatus.ClosedUnmet));
    }

    /// <summary>The needs the match rate counts: recorded on the Beijing days given, for elders under the region prefixes (all when null).</summary>
    internal IQueryable<Need> Needs(IReadOnlyList<string>? prefixes, DateOnly? firstDay, DateOnly? lastDay)
    {
        var elders = db.Set<Elder>().AsNoTracking();
        if (prefixes is not null)
        {
            elders = elders.WhereRegionUnder(e => e.VillageCode, prefixes);
        }

        var needs = db.Set<Need>().AsNoTracking().Where(n => elders.Any(e => e.Id == n.ElderId));
        if (firstDay is not null)
        {
            var start = ChinaTime.Utc(firstDay.Value, TimeOnly.MinValue);
            needs = needs.Where(n => n.RecordedAt >= start);
        }

        if (lastDay is not null)
        {
            var end = ChinaTime.Utc(lastDay.Value.AddDays(1), TimeOnly.MinValue);
            needs = needs.Where(n => n.RecordedAt < end);
        }

        return needs;
    }

    public async Task RecordDeliveryAsync(Guid needId, DateTime deliveredAt, CancellationToken ct)
    {
        var need = await db.Set<Need>().FirstOrDefaultAsync(n => n.Id == needId, ct) ?? throw DomainException.NotFound("Need.NotFound");
        need.RecordDelivery(deliveredAt, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The match rate for a caller: their own regions only (another region answers 404), all of them when none is named.</summary>
public sealed class MatchRateQuery(INeedsMatching matching, CurrentActor actor)
{
    public async Task<MatchRate> ForCallerAsync(string? region, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (from is not null && to is not null && from > to)
        {
            throw new DomainException("MatchRate.DateRange", ErrorKind.Validation, "from");
        }

        if (region is not null)
        {
            return RegionCode.IsWellFormed(region) && actor.Covers(region) ? await matching.MatchRateAsync(region, from, to, ct) : throw DomainException.NotFound("MatchRate.UnknownRegion");
        }

        if (actor.IsPlatformAdmin)
        {
            return await matching.MatchRateAsync(null, from, to, ct);
        }

        var parts = new List<MatchRate>();
        var scopes = actor.ScopeRegions;
        foreach (var scope in scopes.Where(s => !scopes.Any(other => other != s && RegionCode.IsWithin(s, other))))
        {
            parts.Add(await matching.MatchRateAsync(scope, from, to, ct));
        }

        return parts.Aggregate(new MatchRate(0, 0, 0, 0, 0, 0, 0), (a, b) => new MatchRate(a.Recorded + b.Recorded, a.Answered + b.Answered, a.Open + b.Open,
            a.Planned + b.Planned, a.BeingServed + b.BeingServed, a.Met + b.Met, a.ClosedUnmet + b.ClosedUnmet));
    }
}
