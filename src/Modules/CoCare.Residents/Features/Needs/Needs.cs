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

public sealed record NeedCount(NeedCategory Category, NeedStatus Status, int Count);

/// <summary>Needs per elder and their workflow; an elder outside the caller's regions (and so its needs) answers 404.</summary>
public sealed class NeedHandlers(AppDbContext db, CurrentActor actor, ElderHandlers elders, TimeProvider clock)
{
    private static readonly Sorting<NeedRow> Sorts = new Sorting<NeedRow>("urgency")
        .Add("urgency", x => x.Need.Urgency, newestFirst: true)
        .Add("recorded", x => x.Need.RecordedAt, newestFirst: true)
        .Add("category", x => x.Need.Category)
        .Add("status", x => x.Need.Status)
        .Add("elder", x => x.Name);

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
        var q = Visible();
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

        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(x => EF.Functions.Like(x.Name, like, "\\") || EF.Functions.Like(x.Need.Detail, like, "\\"));
        }

        var total = await q.CountAsync(ct);
        var rows = await Sorts.Apply(q, paging).ThenByDescending(x => x.Need.RecordedAt).ThenBy(x => x.Need.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<NeedDto>(rows.Select(x => ToDto(x.Need, x.Name)).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    /// <summary>Counts of needs by category and status in the caller's regions (the needs board's columns).</summary>
    public async Task<IReadOnlyList<NeedCount>> BoardAsync(CancellationToken ct)
    {
        var counts = await Visible().GroupBy(x => new { x.Need.Category, x.Need.Status }).Select(g => new { g.Key.Category, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return counts.Select(c => new NeedCount(c.Category, c.Status, c.Count)).OrderBy(c => c.Category).ThenBy(c => c.Status).ToList();
    }

    public async Task<NeedDto> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await Visible().FirstOrDefaultAsync(x => x.Need.Id == id, ct) ?? throw DomainException.NotFound("Need.NotFound");
        return ToDto(row.Need, row.Name);
    }

    private IQueryable<NeedRow> Visible()
    {
        var visibleElders = db.Set<Elder>().AsNoTracking();
        if (!actor.IsPlatformAdmin)
        {
            visibleElders = visibleElders.WhereRegionUnder(e => e.VillageCode, actor.ScopePrefixes);
        }

        return db.Set<Need>().AsNoTracking().Join(visibleElders, n => n.ElderId, e => e.Id, (n, e) => new NeedRow { Need = n, Name = e.Name });
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
        ElderHandlers.RequireManager(actor);
    }

    private static NeedDto ToDto(Need n, string elderName) =>
        new(n.Id, n.ElderId, elderName, n.Category, n.Detail, n.Urgency, n.Source, n.Status, n.ClosedReason, n.HomeVisitId, n.RecordedAt);
}

/// <summary>A need with its elder's name, as lists show it.</summary>
internal sealed class NeedRow
{
    public required Need Need { get; init; }

    public required string Name { get; init; }
}
