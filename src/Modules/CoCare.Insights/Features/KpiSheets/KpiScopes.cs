using CoCare.Insights.Domain;
using CoCare.Kernel;

namespace CoCare.Insights.Features.KpiSheets;

/// <summary>
/// Turns a request's region and period into a <see cref="KpiScope"/> the caller may see: a region in one of their
/// scope regions counts whole; a region above their scope counts only their part of it (only permitted rows); any
/// other region, or one that does not exist, answers 404. The public sees every region, and only aggregates.
/// </summary>
public sealed class KpiScopes(CurrentActor actor, IDirectory directory, TimeProvider clock)
{
    public DateOnly Today => ChinaTime.Day(clock.GetUtcNow().UtcDateTime);

    public async Task<KpiScope> ForCallerAsync(string? region, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var period = Period.Of(from, to, Today);
        if (region is null)
        {
            return actor.IsPlatformAdmin || actor.ScopeRegions.Count == 0
                ? throw new DomainException("Insights.RegionRequired", ErrorKind.Validation, "region")
                : new KpiScope(actor.ScopeRegions, period.From, period.To);
        }

        await RequireRegionAsync(region, ct);
        if (actor.Covers(region))
        {
            return new KpiScope([region], period.From, period.To);
        }

        var within = actor.ScopeRegions.Where(s => RegionCode.IsWithin(s, region)).ToList();
        return within.Count > 0 ? new KpiScope(within, period.From, period.To) : throw DomainException.NotFound("Insights.UnknownRegion", region);
    }

    public async Task<KpiScope> ForPublicAsync(string? region, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var period = Period.Of(from, to, Today);
        if (region is null)
        {
            throw new DomainException("Insights.RegionRequired", ErrorKind.Validation, "region");
        }

        await RequireRegionAsync(region, ct);
        return new KpiScope([region], period.From, period.To);
    }

    private async Task RequireRegionAsync(string region, CancellationToken ct)
    {
        if (!RegionCode.IsWellFormed(region) || !await directory.RegionExistsAsync(region, ct))
        {
            throw DomainException.NotFound("Insights.UnknownRegion", region);
        }
    }
}
