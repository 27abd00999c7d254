using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using CoCare.Services.Features.Canteen;
using CoCare.Services.Features.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace CoCare.Services.Features.Routing;

/// <summary>
/// A day's plan request: the service point (start and end of every round), the workers or volunteers on shift (their
/// account ids), the shift in Beijing time, how many meals each can carry, and how long the planner may search.
/// </summary>
public sealed record PlanRoutes(Guid ServicePointId, DateOnly Day, IReadOnlyList<string> WorkerIds, TimeOnly ShiftStart, TimeOnly ShiftEnd, int CapacityMeals, int Seconds = 5);

public sealed record PlannedStopDto(Guid OrderId, string ElderName, string ServiceTypeCode, TimeOnly Arrival, double Latitude, double Longitude);

public sealed record WorkerRouteDto(string WorkerId, string WorkerName, IReadOnlyList<PlannedStopDto> Stops, double Meters);

public sealed record UnplannedOrderDto(Guid OrderId, string ElderName, string Reason);

public sealed record RoutePlanDto(Guid ServicePointId, DateOnly Day, double Latitude, double Longitude, IReadOnlyList<WorkerRouteDto> Routes, IReadOnlyList<UnplannedOrderDto> Unplanned);

/// <summary>The coordinator's accepted plan: each worker's orders in the order they will be visited.</summary>
public sealed record AcceptRoutes(IReadOnlyList<AcceptedRoute> Routes);

public sealed record AcceptedRoute(string WorkerId, IReadOnlyList<Guid> OrderIds);

/// <summary>
/// Plans a day's home services and meal deliveries from a service point with the OR-Tools planner. An order's window is
/// its booked time ± 30 minutes; a delivered meal takes 5 minutes at the door and one meal of room, other services their
/// standard minutes. Travel time is the great-circle distance × a road factor ÷ a speed
/// (<c>Services:Routing:RoadFactor</c>, default 1.3; <c>Services:Routing:SpeedKmh</c>, default 12 — on foot or by e-bike
/// in a village). Orders that cannot be reached in their window are reported with the reason; the rest are planned.
/// </summary>
internal sealed class RoutePlanHandlers(AppDbContext db, CurrentActor actor, IElderFacts elders, Assignees assignees, CanteenHandlers canteens, IErrorText errors,
    IConfiguration configuration)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    public async Task<RoutePlanDto> PlanAsync(PlanRoutes request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireCoordinator();
        var point = await canteens.FindPointAsync(request.ServicePointId, ct);
        var depot = point.Location ?? throw new DomainException("Route.PointWithoutLocation", ErrorKind.Validation, "servicePointId");
        if (request.WorkerIds is not { Count: > 0 and <= 50 })
        {
            throw new DomainException("Route.Workers", ErrorKind.Validation, "workerIds");
        }

        if (request.ShiftEnd <= request.ShiftStart || request.CapacityMeals is < 0 or > 500 || request.Seconds is < 1 or > 30)
        {
            throw new DomainException("Route.Shift", ErrorKind.Validation, "shiftEnd");
        }

        var from = ChinaTime.Utc(request.Day, TimeOnly.MinValue);
        var to = from.AddDays(1);
        var open = new[] { OrderStatus.Requested, OrderStatus.Assigned };
        var prefix = RegionCode.Prefixes([point.RegionCode])[0];
        var orders = await db.Set<ServiceOrder>().AsNoTracking()
            .Where(o => open.Contains(o.Status) && o.ScheduledFor >= from && o.ScheduledFor < to && o.VillageCode.StartsWith(prefix))
            .OrderBy(o => o.ScheduledFor).Take(500).ToListAsync(ct);
        var minutes = await db.Set<ServiceType>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.StandardMinutes, ct);
        var (refusal, names) = await assignees.RuleAsync(request.WorkerIds, orders, ct);
        if (request.WorkerIds.FirstOrDefault(w => !names.ContainsKey(w)) is not null)
        {
            throw new DomainException("Order.WorkerUnknown", ErrorKind.Validation, "workerIds");
        }
        var homes = await elders.HomesAsync(orders.Select(o => o.ElderId).Distinct().ToList(), ct);

        var unplanned = orders.Where(o => !homes.ContainsKey(o.ElderId)).Select(o => new UnplannedOrderDto(o.Id, o.ElderName, Text("Route.NoHome"))).ToList();
        var routable = orders.Where(o => homes.ContainsKey(o.ElderId)).ToList();
        var dayStart = from;
        long Seconds(DateTime t) => (long)(t - dayStart).TotalSeconds;
        var stops = routable.Select(o =>
        {
            var home = homes[o.ElderId];
            var meal = o.ServiceTypeCode == CheckInWriter.MealsCode;
            // Each order goes only to a worker the assignment rule allows (a volunteer with the skill, staff in scope).
            var allowed = Enumerable.Range(0, request.WorkerIds.Count).Where(v => refusal(request.WorkerIds[v], o) is null).ToList();
            return new RoutingStop(o.Id.ToString(), home.Latitude, home.Longitude, meal ? 1 : 0, Seconds(o.ScheduledFor!.Value - Window), Seconds(o.ScheduledFor!.Value + Window),
                (meal ? 5 : Math.Max(5, minutes.GetValueOrDefault(o.ServiceTypeCode, 30))) * 60L, allowed);
        }).ToList();

        var roadFactor = configuration.GetValue("Services:Routing:RoadFactor", 1.3);
        var metresPerSecond = configuration.GetValue("Services:Routing:SpeedKmh", 12.0) * 1000 / 3600;
        long Metres(double lat1, double lon1, double lat2, double lon2) => (long)Math.Round(new GeoPoint(lat1, lon1).MetersTo(new GeoPoint(lat2, lon2)) * roadFactor);
        var problem = new RoutingProblem($"{point.Name} {request.Day:yyyy-MM-dd}", depot.Latitude, depot.Longitude,
            Seconds(ChinaTime.Utc(request.Day, request.ShiftStart)), Seconds(ChinaTime.Utc(request.Day, request.ShiftEnd)), stops, request.WorkerIds.Count,
            request.CapacityMeals, Metres, (a, b, c, d) => (long)Math.Ceiling(Metres(a, b, c, d) / metresPerSecond));
        var plan = RoutePlanner.Plan(problem, TimeSpan.FromSeconds(request.Seconds));

        var routes = plan.Routes.Select(r =>
        {
            var worker = request.WorkerIds[r.Vehicle];
            var path = r.Stops.Select((s, i) => new PlannedStopDto(routable[s].Id, routable[s].ElderName, routable[s].ServiceTypeCode,
                ChinaTime.TimeOfDay(dayStart.AddSeconds(r.Arrivals[i])), stops[s].X, stops[s].Y)).ToList();
            var points = new[] { depot }.Concat(path.Select(p => new GeoPoint(p.Latitude, p.Longitude))).Append(depot).ToList();
            var metres = points.Zip(points.Skip(1)).Sum(p => p.First.MetersTo(p.Second) * roadFactor);
            return new WorkerRouteDto(worker, names[worker], path, Math.Round(metres));
        }).Where(r => r.Stops.Count > 0).ToList();
        unplanned.AddRange(plan.Unplanned.Select(u => new UnplannedOrderDto(routable[u.Stop].Id, routable[u.Stop].ElderName, Text(u.Reason))));
        return new RoutePlanDto(point.Id, request.Day, depot.Latitude, depot.Longitude, routes, unplanned);
    }

    /// <summary>Who can take rounds from the point: the staff in its scope and the volunteers serving its region.</summary>
    public async Task<IReadOnlyList<CandidateDto>> WorkersAsync(Guid servicePointId, CancellationToken ct)
    {
        RequireCoordinator();
        var point = await canteens.FindPointAsync(servicePointId, ct);
        return await assignees.InAsync(point.RegionCode, ct);
    }

    /// <summary>Assigns each worker's orders in the planned order; all or nothing.</summary>
    public async Task<int> AcceptAsync(AcceptRoutes request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireCoordinator();
        var ids = request.Routes?.SelectMany(r => r.OrderIds ?? []).ToList() ?? [];
        if (ids.Count == 0 || ids.Count != ids.Distinct().Count())
        {
            throw new DomainException("Route.AcceptOrders", ErrorKind.Validation, "routes");
        }

        var orders = await db.Set<ServiceOrder>().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        foreach (var route in request.Routes!)
        {
            var theirs = (route.OrderIds ?? []).Select(id => orders.TryGetValue(id, out var order) && actor.Covers(order.VillageCode) ? order : throw DomainException.NotFound("Order.NotFound")).ToList();
            var name = await assignees.RequireAsync(route.WorkerId ?? "", theirs, ct);
            foreach (var order in theirs)
            {
                order.Assign(route.WorkerId!, name);
            }
        }

        await db.SaveChangesAsync(ct);
        return ids.Count;
    }

    private string Text(string key) => errors.Describe(new DomainException(key)) ?? key;

    private void RequireCoordinator()
    {
        if (!actor.IsPlatformAdmin && !actor.IsInRole(Roles.Provider) && !actor.IsInRole(Roles.VillageCommittee))
        {
            throw DomainException.Forbidden("Order.StaffOnly");
        }
    }
}
