using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Residents.Features.Elders;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Residents.Features.VisitPlans;

public sealed record PlanVisits(DateOnly WeekStart, IReadOnlyList<Guid>? ElderIds, IReadOnlyList<string>? Visitors);

public sealed record PlannedVisitDto(Guid Id, Guid ElderId, string ElderName, string VillageCode, IReadOnlyList<string> Visitors, bool Visited);

/// <summary>One worker's week: households planned for them, how many of those they visited, and all their visits that week.</summary>
public sealed record WorkerWeek(string Visitor, int Planned, int PlannedVisited, int VisitsRecorded);

public sealed record WeekPlanDto(DateOnly WeekStart, IReadOnlyList<PlannedVisitDto> Households, IReadOnlyList<WorkerWeek> Workers);

/// <summary>
/// The visit planner: which households are to be visited in a week and who goes (the seed's 3–4 households a week,
/// a social worker with a village cadre). A household counts as visited when a visit that week saw the elder.
/// </summary>
public sealed class VisitPlanHandlers(AppDbContext db, CurrentActor actor, ElderHandlers elders, TimeProvider clock)
{
    public async Task<WeekPlanDto> PlanAsync(PlanVisits request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ElderHandlers.RequireManager(actor);
        var ids = (request.ElderIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > 50)
        {
            throw new DomainException("Plan.Households", ErrorKind.Validation, "elderIds");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<VisitPlanEntry>().Where(p => p.WeekStart == request.WeekStart && ids.Contains(p.ElderId)).ToListAsync(ct);
        foreach (var id in ids)
        {
            var elder = await elders.FindAsync(id, ct);
            if (existing.FirstOrDefault(p => p.ElderId == id) is { } entry)
            {
                entry.AssignVisitors(request.Visitors ?? []);
            }
            else
            {
                db.Add(new VisitPlanEntry(elder.VillageCode, request.WeekStart, elder.Id, request.Visitors ?? [], actor.UserName ?? "system", now));
            }
        }

        await db.SaveChangesAsync(ct);
        return await WeekAsync(request.WeekStart, ct);
    }

    public async Task RemoveAsync(Guid entryId, CancellationToken ct)
    {
        ElderHandlers.RequireManager(actor);
        var entry = await db.Set<VisitPlanEntry>().FirstOrDefaultAsync(p => p.Id == entryId, ct);
        if (entry is null || !actor.Covers(entry.VillageCode))
        {
            throw DomainException.NotFound("Plan.NotFound");
        }

        db.Remove(entry);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The week's plan with what was done, and each worker's count against the plan.</summary>
    public async Task<WeekPlanDto> WeekAsync(DateOnly anyDay, CancellationToken ct)
    {
        var week = VisitPlanEntry.WeekOf(anyDay);
        var end = week.AddDays(6);
        var plans = db.Set<VisitPlanEntry>().AsNoTracking().Where(p => p.WeekStart == week);
        var visits = db.Set<HomeVisit>().AsNoTracking().Where(v => v.Date >= week && v.Date <= end);
        var visibleElders = db.Set<Elder>().AsNoTracking();
        if (!actor.IsPlatformAdmin)
        {
            plans = plans.WhereRegionUnder(p => p.VillageCode, actor.ScopePrefixes);
            visits = visits.WhereRegionUnder(v => v.VillageCode, actor.ScopePrefixes);
        }

        var entries = await plans.Join(visibleElders, p => p.ElderId, e => e.Id, (p, e) => new { Plan = p, e.Name }).OrderBy(x => x.Name).ToListAsync(ct);
        var weekVisits = await visits.ToListAsync(ct);
        var visited = weekVisits.SelectMany(v => v.ElderIds).ToHashSet();

        var households = entries.Select(x => new PlannedVisitDto(x.Plan.Id, x.Plan.ElderId, x.Name, x.Plan.VillageCode, x.Plan.Visitors, visited.Contains(x.Plan.ElderId))).ToList();
        var workers = entries.SelectMany(x => x.Plan.Visitors).Concat(weekVisits.SelectMany(v => v.Participants.Select(p => p.Name)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name =>
            {
                var mine = weekVisits.Where(v => v.Participants.Any(p => p.Name == name)).ToList();
                var seenByMe = mine.SelectMany(v => v.ElderIds).ToHashSet();
                var planned = entries.Where(x => x.Plan.Visitors.Contains(name)).ToList();
                return new WorkerWeek(name, planned.Count, planned.Count(x => seenByMe.Contains(x.Plan.ElderId)), mine.Count);
            })
            .ToList();
        return new WeekPlanDto(week, households, workers);
    }
}
