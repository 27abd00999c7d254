using CoCare.Insights.Features.KpiSheets;
using CoCare.Kernel;

namespace CoCare.Insights.Features.Dashboards;

/// <summary>A month of the trend: service person-times and meals counted in it.</summary>
public sealed record MonthPoint(DateOnly Month, double ServicePersonTimes, double Meals);

/// <summary>One tile of the region grid: a child region with what was done there and what it has.</summary>
public sealed record GridCell(string Code, string Name, bool Urban, long ServicePersonTimes, long Facilities, long Elders);

/// <summary>A contract's KPI target against the value so far (count targets pro-rated to the days elapsed).</summary>
public sealed record TargetLine(string Kpi, bool AtLeast, double Target, double ProRated, double? Value, bool? Met);

/// <summary>
/// A contract as the dashboard lists it: state, amount, paid so far, and while in force its KPIs against targets and the
/// months of its service so far (person-times and meals over its regions, at most the last 12).
/// </summary>
public sealed record ContractLine(Guid Id, Guid ProjectId, string Title, string Status, long AmountFen, long PaidFen, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<TargetLine> Targets)
{
    public IReadOnlyList<MonthPoint> Trend { get; init; } = [];
}

/// <summary>
/// What a village watches today: meals at the canteen, services and home visits this week (against the visit plan),
/// open needs, complaints this week, and the volunteers booked on a shift today.
/// </summary>
public sealed record VillageToday(double CanteenMealsToday, double ServicePersonTimesThisWeek, VisitsAgainstPlan VisitsThisWeek, int OpenNeeds, double ComplaintsThisWeek,
    IReadOnlyList<ShiftDuty> OnShiftToday);

/// <summary>A dashboard: the KPI sheet of the scope, the trend, the region grid, contracts and money, and the village's day.</summary>
public sealed record Dashboard(IReadOnlyList<string> Regions, string RegionName, DateOnly From, DateOnly To, IReadOnlyDictionary<string, double?> Kpis,
    IReadOnlyList<MonthPoint> Trend, IReadOnlyList<GridCell> Grid, IReadOnlyList<ContractLine> Contracts, VillageToday? Today,
    IReadOnlyList<(string Code, string Name)> RegionChoices)
{
    /// <summary>Needs recorded in the period by where they stand (open, planned, being served, met, closed unmet).</summary>
    public MatchRate? Needs { get; init; }

    /// <summary>Home visits in the period against the visit plan.</summary>
    public VisitsAgainstPlan? Visits { get; init; }

    /// <summary>Complaints received in the period, and the share of feedback due in it answered by its deadline (null with none due).</summary>
    public (double Received, double? OnTime) Complaints { get; init; }
}

/// <summary>
/// Assembles the dashboards from the KPI service and the other modules' public services: every number on them is a
/// KPI (or a sum the drill-down lists), never a copy kept here.
/// </summary>
public sealed class DashboardHandlers(KpiService kpis, KpiScopes scopes, CurrentActor actor, IDirectory directory, IContractFacts contracts, IContractMoney money,
    INeedsMatching needs, IVolunteerFacts volunteers, IVisitFacts visits, ContractTargets targets)
{
    private const int TrendMonths = 12;
    private const int MaxTiles = 80;

    public async Task<Dashboard> BuildAsync(string? region, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var scope = await scopes.ForCallerAsync(region ?? DefaultRegion(), from, to, ct);
        var tree = await kpis.RegionsAsync(scope, ct);
        var names = tree.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        var sheet = await kpis.SheetAsync(scope, ct);
        var choices = (await directory.RegionsUnderAsync(actor.IsPlatformAdmin ? null : actor.ScopeRegions, 400, ct))
            .Where(r => RegionCode.LevelOf(r.Code) is { } level && level <= RegionLevel.Township).ToList();
        return new Dashboard(scope.RegionCodes, string.Join("、", scope.RegionCodes.Select(c => names.GetValueOrDefault(c, c))), scope.From, scope.To, sheet,
            await TrendAsync(scope, ct), await GridAsync(scope, tree, ct), await ContractsAsync(scope, ct), await TodayAsync(scope, ct), choices)
        {
            Needs = await NeedsAsync(scope, ct),
            Visits = await VisitsAsync(scope.RegionCodes, scope.From, scope.To, ct),
            Complaints = (await kpis.ComputeAsync(EvidenceMetrics.Complaints, scope, ct) ?? 0, await kpis.ComputeAsync(EvidenceMetrics.FeedbackOnTimeRate, scope, ct)),
        };
    }

    /// <summary>The figures, trend and grid of a scope already checked (a contract's regions and period, for its report).</summary>
    public async Task<Dashboard> ForScopeAsync(KpiScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var tree = await kpis.RegionsAsync(scope, ct);
        var names = tree.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        return new Dashboard(scope.RegionCodes, string.Join("、", scope.RegionCodes.Select(c => names.GetValueOrDefault(c, c))), scope.From, scope.To,
            await kpis.SheetAsync(scope, ct), await TrendAsync(scope, ct), await GridAsync(scope, tree, ct), [], null, []);
    }

    /// <summary>The region a dashboard opens on: the caller's first scope region (a platform administrator names one).</summary>
    private string? DefaultRegion() => actor.ScopeRegions.Count > 0 ? actor.ScopeRegions[0] : null;

    private async Task<IReadOnlyList<MonthPoint>> TrendAsync(KpiScope scope, CancellationToken ct)
    {
        var last = new DateOnly(scope.To.Year, scope.To.Month, 1);
        if (scope.To < scope.From)
        {
            return [];
        }

        var points = new List<MonthPoint>();
        for (var month = last.AddMonths(-(TrendMonths - 1)); month <= last; month = month.AddMonths(1))
        {
            var first = month < scope.From ? scope.From : month;
            var end = month.AddMonths(1).AddDays(-1) > scope.To ? scope.To : month.AddMonths(1).AddDays(-1);
            if (end < first)
            {
                continue;
            }

            var part = scope with { From = first, To = end };
            points.Add(new MonthPoint(month, await kpis.ComputeAsync("servicePersonTimes", part, ct) ?? 0, await kpis.ComputeAsync("meals", part, ct) ?? 0));
        }

        return points;
    }

    /// <summary>The regions one level below the scope's, each with its sums (a village-level scope shows itself).</summary>
    private async Task<IReadOnlyList<GridCell>> GridAsync(KpiScope scope, IReadOnlyList<RegionFacts> tree, CancellationToken ct)
    {
        var tiles = tree.Where(r => r.ParentCode is { } p && scope.RegionCodes.Contains(p)).Take(MaxTiles).ToList();
        if (tiles.Count == 0)
        {
            tiles = [.. tree.Where(r => scope.RegionCodes.Contains(r.Code))];
        }

        var served = await kpis.CountByRegionAsync(Measures.ServicePersonTimes, scope, ct);
        var facilities = await kpis.CountByRegionAsync(Measures.Facilities, scope, ct);
        var elders = await kpis.CountByRegionAsync(Measures.Elders60Plus, scope, ct);
        long Sum(IReadOnlyDictionary<string, long> counts, string tile) => counts.Where(c => RegionCode.IsWithin(c.Key, tile)).Sum(c => c.Value);
        return [.. tiles.Select(t => new GridCell(t.Code, t.Name, t.Urban, Sum(served, t.Code), Sum(facilities, t.Code), Sum(elders, t.Code)))];
    }

    /// <summary>Contracts in the scope the caller is party to (all of them for administrators, auditors and evaluators).</summary>
    private async Task<IReadOnlyList<ContractLine>> ContractsAsync(KpiScope scope, CancellationToken ct)
    {
        var everyone = actor.IsPlatformAdmin || actor.IsInRole(Roles.Auditor) || actor.IsInRole(Roles.Evaluator);
        if (!everyone && !actor.IsInRole(Roles.Purchaser) && !actor.IsInRole(Roles.Provider))
        {
            return [];
        }

        var list = await contracts.ListAsync(everyone ? null : actor.OrganizationIds, ct);
        var lines = new List<ContractLine>();
        foreach (var c in list.Where(c => c.RegionCodes.Any(scope.Holds)).Take(20))
        {
            var paid = (await money.PaymentsAsync(c.Id, ct)).Sum(p => p.AmountFen);
            var line = new ContractLine(c.Id, c.ProjectId, c.Title, c.Status, c.AmountFen, paid, c.StartDate, c.EndDate, c.IsInForce ? await targets.ForAsync(c, scope.To, ct) : []);
            lines.Add(c.IsInForce ? line with { Trend = await TrendAsync(new KpiScope(c.RegionCodes, c.StartDate, c.EndDate < scope.To ? c.EndDate : scope.To), ct) } : line);
        }

        return lines;
    }

    private async Task<MatchRate> NeedsAsync(KpiScope scope, CancellationToken ct)
    {
        var total = new MatchRate(0, 0, 0, 0, 0, 0, 0);
        foreach (var region in scope.RegionCodes)
        {
            var m = await needs.MatchRateAsync(region, scope.From, scope.To, ct);
            total = new MatchRate(total.Recorded + m.Recorded, total.Answered + m.Answered, total.Open + m.Open, total.Planned + m.Planned,
                total.BeingServed + m.BeingServed, total.Met + m.Met, total.ClosedUnmet + m.ClosedUnmet);
        }

        return total;
    }

    /// <summary>For the village committee, the elder association and volunteers: their village's day and week.</summary>
    private async Task<VillageToday?> TodayAsync(KpiScope scope, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.VillageCommittee) && !actor.IsInRole(Roles.ResidentOrganization) && !actor.IsInRole(Roles.Volunteer))
        {
            return null;
        }

        var today = scopes.Today;
        var day = scope with { From = today, To = today };
        var week = scope with { From = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), To = today };
        var open = 0;
        var onShift = new List<ShiftDuty>();
        var (dayStarts, dayEnds) = (ChinaTime.Utc(today, TimeOnly.MinValue), ChinaTime.Utc(today.AddDays(1), TimeOnly.MinValue));
        foreach (var region in scope.RegionCodes)
        {
            open += (await needs.MatchRateAsync(region, null, null, ct)).Open;
            onShift.AddRange(await volunteers.OnShiftAsync(region, dayStarts, dayEnds, ct));
        }

        return new VillageToday(await kpis.ComputeAsync(EvidenceMetrics.CanteenMeals, day, ct) ?? 0, await kpis.ComputeAsync("servicePersonTimes", week, ct) ?? 0,
            await VisitsAsync(scope.RegionCodes, week.From, week.To, ct), open, await kpis.ComputeAsync(EvidenceMetrics.Complaints, week, ct) ?? 0,
            [.. onShift.DistinctBy(d => (d.VolunteerId, d.ShiftId)).OrderBy(d => d.StartsAt).ThenBy(d => d.Name, StringComparer.Ordinal)]);
    }

    private async Task<VisitsAgainstPlan> VisitsAsync(IReadOnlyList<string> regions, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var total = new VisitsAgainstPlan(0, 0, 0);
        foreach (var region in regions)
        {
            var v = await visits.AgainstPlanAsync(region, from, to, ct);
            total = new VisitsAgainstPlan(total.Planned + v.Planned, total.PlannedVisited + v.PlannedVisited, total.Visits + v.Visits);
        }

        return total;
    }
}
