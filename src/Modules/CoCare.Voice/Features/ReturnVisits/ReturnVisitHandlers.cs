using CoCare.Data;
using CoCare.Kernel;
using CoCare.Voice.Domain;
using CoCare.Voice.Features.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCare.Voice.Features.ReturnVisits;

/// <summary>Which completed services get a return visit (configuration section <c>Voice:ReturnVisits</c>).</summary>
public sealed class ReturnVisitOptions
{
    /// <summary>The share of completed services visited again, in percent.</summary>
    public int SharePercent { get; set; } = 10;

    /// <summary>Days after completion the visit is due.</summary>
    public int DueAfterDays { get; set; } = 3;

    /// <summary>How far back the scheduler looks for completed services it has not yet considered.</summary>
    public int LookbackDays { get; set; } = 14;
}

public sealed record RecordVisit(bool Reached, int? Score, string? Remarks);

public sealed record ReturnVisitDto(Guid Id, Guid OrderId, Guid ElderId, string VillageCode, string ServiceTypeCode, DateTime CompletedAt, DateOnly DueOn,
    ReturnVisitStatus Status, int? Score, string? Remarks, DateTime? RecordedAt, bool Overdue);

/// <summary>
/// Return visits: a stable share of completed services is scheduled (by the background scheduler or on demand);
/// staff record the elder's rating and remarks, which count in the satisfaction rate.
/// </summary>
public sealed class ReturnVisitHandlers(AppDbContext db, CurrentActor actor, IServiceFacts services, ContractParties parties, IOptions<ReturnVisitOptions> options,
    TimeProvider clock)
{
    private const int PageSize = 1000;
    private const int MaxPages = 50;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Schedules visits for the sampled services completed in the look-back window that have none yet; returns how many were added.</summary>
    public async Task<int> ScheduleAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var since = Now.AddDays(-Math.Max(1, settings.LookbackDays));
        var providers = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        var added = 0;
        for (var page = 0; page < MaxPages; page++)
        {
            var completed = await services.CompletedOrdersAsync(since, PageSize, ct);
            var sampled = completed.Where(o => ReturnVisit.IsSampled(o.Id, settings.SharePercent)).ToList();
            var ids = sampled.Select(o => o.Id).ToList();
            var planned = await db.Set<ReturnVisit>().Where(v => ids.Contains(v.OrderId)).Select(v => v.OrderId).ToListAsync(ct);
            foreach (var order in sampled.Where(o => !planned.Contains(o.Id)))
            {
                if (!providers.TryGetValue(order.VillageCode, out var provider))
                {
                    provider = providers[order.VillageCode] = await parties.ProviderForAsync(order.VillageCode, ct);
                }

                db.Add(new ReturnVisit(order, provider, ChinaTime.Day(order.CompletedAt ?? Now).AddDays(settings.DueAfterDays)));
                added++;
            }

            await db.SaveChangesAsync(ct);
            if (completed.Count < PageSize || completed[^1].CompletedAt is not { } last || last <= since)
            {
                break;
            }

            since = last;
        }

        return added;
    }

    public async Task<Page<ReturnVisitDto>> ListAsync(string? region, ReturnVisitStatus? status, PageRequest paging, CancellationToken ct)
    {
        if (!Staff.Can(actor))
        {
            throw DomainException.Forbidden("Feedback.StaffOnly");
        }

        var q = db.Set<ReturnVisit>().AsNoTracking();
        if (!actor.IsPlatformAdmin)
        {
            q = q.WhereRegionUnder(v => v.VillageCode, actor.ScopePrefixes);
        }

        if (region is { Length: > 0 })
        {
            q = q.WhereRegionUnder(v => v.VillageCode, RegionCode.Prefixes([region]));
        }

        if (status is { } s)
        {
            q = q.Where(v => v.Status == s);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(v => v.DueOn).ThenBy(v => v.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<ReturnVisitDto>(rows.Select(ToDto).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    /// <summary>Records the visit; a reached elder's rating becomes a satisfaction rating of the visit.</summary>
    public async Task<ReturnVisitDto> RecordAsync(Guid id, RecordVisit request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var visit = await db.Set<ReturnVisit>().FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw DomainException.NotFound("ReturnVisit.NotFound");
        if (!Staff.Can(actor) || !actor.Covers(visit.VillageCode))
        {
            throw DomainException.Forbidden("Feedback.StaffOnly");
        }

        visit.Record(request.Reached, request.Score, request.Remarks, actor.UserName ?? "system", Now);
        if (visit.Score is { } score)
        {
            db.Add(new SatisfactionRating(RatedSubject.ReturnVisit, visit.Id, visit.VillageCode, visit.ProviderOrganizationId, visit.ServiceTypeCode, null, score,
                visit.Remarks, actor.UserName ?? "system", Now));
        }

        await db.SaveChangesAsync(ct);
        return ToDto(visit);
    }

    private ReturnVisitDto ToDto(ReturnVisit v) =>
        new(v.Id, v.OrderId, v.ElderId, v.VillageCode, v.ServiceTypeCode, v.CompletedAt, v.DueOn, v.Status, v.Score, v.Remarks, v.RecordedAt,
            v.Status == ReturnVisitStatus.Planned && v.DueOn < ChinaTime.Day(Now));
}
