using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Residents.Features.Elders;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Residents.Features.Needs;

public sealed record RecordNeed(NeedCategory Category, string Detail, Urgency Urgency, NeedSource Source);

public sealed record CloseNeed(string Reason);

public sealed record NeedDto(Guid Id, Guid ElderId, string ElderName, NeedCategory Category, string Detail, Urgency Urgency, NeedSource Source, NeedStatus Status,
    string? ClosedReason, Guid? HomeVisitId, DateTime RecordedAt);

/// <summary>Needs per elder and their workflow; an elder outside the caller's regions (and so its needs) answers 404.</summary>
public sealed class NeedHandlers(AppDbContext db, CurrentActor actor, ElderHandlers elders, TimeProvider clock)
{
    public async Task<NeedDto> RecordAsync(Guid elderId, RecordNeed request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireWorker();
        var elder = await elders.FindAsync(elderId, ct);
        if (string.IsNullOrWhiteSpace(request.Detail) || request.Detail.Length > 1000)
        {
            throw new DomainException("Need.DetailRequired", ErrorKind.Validation, "detail");
        }

        var need = new Need(elder.Id, request.Category, request.Detail.Trim(), request.Urgency, request.Source, null, actor.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        db.Add(need);
        await db.SaveChangesAsync(ct);
        return ToDto(need, elder.Name);
    }

    public async Task<Page<NeedDto>> ListAsync(PageRequest paging, Guid? elderId, NeedStatus? status, NeedCategory? category, CancellationToken ct)
    {
        var visibleElders = db.Set<Elder>().AsNoTracking();
        if (!actor.IsPlatformAdmin)
        {
            visibleElders = visibleElders.WhereRegionUnder(e => e.VillageCode, actor.ScopePrefixes);
        }

        var q = db.Set<Need>().AsNoTracking().Join(visibleElders, n => n.ElderId, e => e.Id, (n, e) => new { Need = n, e.Name });
        if (elderId is not null)
        {
            q = q.Where(x => x.Need.ElderId == elderId);
        }

        if (status is not null)
        {
            q = q.Where(x => x.Need.Status == status);
        }

        if (category is not null)
        {
            q = q.Where(x => x.Need.Category == category);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.Need.Urgency).ThenByDescending(x => x.Need.RecordedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<NeedDto>(rows.Select(x => ToDto(x.Need, x.Name)).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    public Task<NeedDto> PlanAsync(Guid id, CancellationToken ct) => MoveAsync(id, (n, now) => n.Plan(now), ct);

    public Task<NeedDto> StartAsync(Guid id, CancellationToken ct) => MoveAsync(id, (n, now) => n.StartService(now), ct);

    public Task<NeedDto> MetAsync(Guid id, CancellationToken ct) => MoveAsync(id, (n, now) => n.MarkMet(now), ct);

    public Task<NeedDto> CloseUnmetAsync(Guid id, CloseNeed request, CancellationToken ct) => MoveAsync(id, (n, now) => n.CloseUnmet(request?.Reason ?? "", now), ct);

    private async Task<NeedDto> MoveAsync(Guid id, Action<Need, DateTime> move, CancellationToken ct)
    {
        RequireWorker();
        var need = await db.Set<Need>().FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw DomainException.NotFound("Need.NotFound");
        Elder elder;
        try
        {
            elder = await elders.FindAsync(need.ElderId, ct);
        }
        catch (DomainException)
        {
            throw DomainException.NotFound("Need.NotFound");
        }

        move(need, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return ToDto(need, elder.Name);
    }

    private void RequireWorker()
    {
        if (!ElderHandlers.FullRecordRoles.Any(actor.IsInRole))
        {
            throw DomainException.Forbidden("Elder.ManageForbidden");
        }
    }

    private static NeedDto ToDto(Need n, string elderName) =>
        new(n.Id, n.ElderId, elderName, n.Category, n.Detail, n.Urgency, n.Source, n.Status, n.ClosedReason, n.HomeVisitId, n.RecordedAt);
}
