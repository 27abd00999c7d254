using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Residents.Features.VisitPlans;

/// <summary>Implements <see cref="IVisitFacts"/>: a planned household counts as visited when a visit in its week saw the elder, as the planner shows it.</summary>
internal sealed class VisitFacts(AppDbContext db) : IVisitFacts
{
    public async Task<VisitsAgainstPlan> AgainstPlanAsync(string regionCode, DateOnly firstDay, DateOnly lastDay, CancellationToken ct)
    {
        if (RegionCode.LevelOf(regionCode) is not { } level || lastDay < firstDay)
        {
            return new VisitsAgainstPlan(0, 0, 0);
        }

        var prefix = RegionCode.Prefix(regionCode, level);
        var firstWeek = VisitPlanEntry.WeekOf(firstDay);
        var plans = await db.Set<VisitPlanEntry>().AsNoTracking()
            .Where(p => p.VillageCode.StartsWith(prefix) && p.WeekStart >= firstWeek && p.WeekStart <= lastDay)
            .Select(p => new { p.ElderId, p.WeekStart }).ToListAsync(ct);
        var lastPlanned = plans.Count == 0 ? lastDay : plans.Max(p => p.WeekStart).AddDays(6);
        var from = plans.Count == 0 || firstDay < firstWeek ? firstDay : firstWeek;
        var to = lastPlanned > lastDay ? lastPlanned : lastDay;
        var visits = await db.Set<HomeVisit>().AsNoTracking()
            .Where(v => v.VillageCode.StartsWith(prefix) && v.Date >= from && v.Date <= to)
            .Select(v => new { v.Date, v.ElderIds }).ToListAsync(ct);
        var seen = visits.SelectMany(v => v.ElderIds.Select(e => (e, VisitPlanEntry.WeekOf(v.Date)))).ToHashSet();
        return new VisitsAgainstPlan(plans.Count, plans.Count(p => seen.Contains((p.ElderId, p.WeekStart))),
            visits.Count(v => v.Date >= firstDay && v.Date <= lastDay));
    }
}
