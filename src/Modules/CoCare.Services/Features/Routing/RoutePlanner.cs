using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace CoCare.Services.Features.Routing;

/// <summary>
/// A place to visit: its demand (meals), time window and service duration. Times are in the problem's unit (the
/// service planner uses seconds; Solomon instances their own unit), relative to the start of the day.
/// <see cref="Vehicles"/> lists the vehicles (workers) allowed to serve it; null means any.
/// </summary>
public sealed record RoutingStop(string Id, double X, double Y, int Demand, long Ready, long Due, long Service, IReadOnlyList<int>? Vehicles = null);

/// <summary>
/// A routing problem: a depot (the service point) open from <see cref="DepotReady"/> to <see cref="DepotDue"/>, the
/// stops, a fleet of identical vehicles (a worker or volunteer each), and how to measure an arc: its cost and its
/// travel time as whole numbers in the problem's units.
/// </summary>
public sealed record RoutingProblem(
    string Name,
    double DepotX,
    double DepotY,
    long DepotReady,
    long DepotDue,
    IReadOnlyList<RoutingStop> Stops,
    int Vehicles,
    int Capacity,
    Func<double, double, double, double, long> ArcCost,
    Func<double, double, double, double, long> ArcTime);

/// <summary>One vehicle's route: the stops in order (indexes into the problem's stops) and the arrival time at each.</summary>
public sealed record PlannedRoute(int Vehicle, IReadOnlyList<int> Stops, IReadOnlyList<long> Arrivals);

/// <summary>A stop the plan leaves out, and why (an error key: the window cannot be reached, or no vehicle had room or time).</summary>
public sealed record UnplannedStop(int Stop, string Reason);

public sealed record RoutingPlan(IReadOnlyList<PlannedRoute> Routes, IReadOnlyList<UnplannedStop> Unplanned, long Cost);

/// <summary>
/// Plans vehicle routes with time windows and capacities with Google OR-Tools: a time dimension (waiting allowed),
/// a capacity dimension, parallel cheapest insertion for a first solution, then guided local search until the time
/// limit. The objective is the total arc cost; a stop that cannot be served is dropped at a high penalty and reported
/// with its reason, so one impossible order never stops the rest from being planned.
/// </summary>
public static class RoutePlanner
{
    public const string WindowUnreachable = "Route.WindowUnreachable";
    public const string NoRoom = "Route.NoRoom";
    public const string NoQualifiedWorker = "Route.NoQualifiedWorker";

    public static RoutingPlan Plan(RoutingProblem problem, TimeSpan timeLimit)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var unplanned = new List<UnplannedStop>();
        var planned = new List<int>();
        for (var i = 0; i < problem.Stops.Count; i++)
        {
            var s = problem.Stops[i];
            var there = problem.DepotReady + problem.ArcTime(problem.DepotX, problem.DepotY, s.X, s.Y);
            var back = Math.Max(there, s.Ready) + s.Service + problem.ArcTime(s.X, s.Y, problem.DepotX, problem.DepotY);
            if (s.Due < s.Ready || there > s.Due || back > problem.DepotDue)
            {
                unplanned.Add(new UnplannedStop(i, WindowUnreachable));
            }
            else if (s.Vehicles is { Count: 0 })
            {
                unplanned.Add(new UnplannedStop(i, NoQualifiedWorker));
            }
            else if (s.Demand > problem.Capacity)
            {
                unplanned.Add(new UnplannedStop(i, NoRoom));
            }
            else
            {
                planned.Add(i);
            }
        }

        // Node 0 is the depot; node k is planned[k - 1].
        var nodes = planned.Count + 1;
        var xs = new double[nodes];
        var ys = new double[nodes];
        (xs[0], ys[0]) = (problem.DepotX, problem.DepotY);
        for (var k = 1; k < nodes; k++)
        {
            (xs[k], ys[k]) = (problem.Stops[planned[k - 1]].X, problem.Stops[planned[k - 1]].Y);
        }

        var cost = new long[nodes, nodes];
        var travel = new long[nodes, nodes];
        for (var a = 0; a < nodes; a++)
        {
            for (var b = 0; b < nodes; b++)
            {
                cost[a, b] = a == b ? 0 : problem.ArcCost(xs[a], ys[a], xs[b], ys[b]);
                travel[a, b] = a == b ? 0 : problem.ArcTime(xs[a], ys[a], xs[b], ys[b]);
            }
        }

        long Service(int node) => node == 0 ? 0 : problem.Stops[planned[node - 1]].Service;

        using var manager = new RoutingIndexManager(nodes, problem.Vehicles, 0);
        using var routing = new RoutingModel(manager);
        var costCallback = routing.RegisterTransitCallback((from, to) => cost[manager.IndexToNode(from), manager.IndexToNode(to)]);
        routing.SetArcCostEvaluatorOfAllVehicles(costCallback);
        var timeCallback = routing.RegisterTransitCallback((from, to) =>
        {
            var a = manager.IndexToNode(from);
            return Service(a) + travel[a, manager.IndexToNode(to)];
        });
        routing.AddDimension(timeCallback, problem.DepotDue, problem.DepotDue, false, "Time");
        var time = routing.GetMutableDimension("Time");
        var demandCallback = routing.RegisterUnaryTransitCallback(from =>
        {
            var node = manager.IndexToNode(from);
            return node == 0 ? 0 : problem.Stops[planned[node - 1]].Demand;
        });
        routing.AddDimensionWithVehicleCapacity(demandCallback, 0, [.. Enumerable.Repeat((long)problem.Capacity, problem.Vehicles)], true, "Capacity");

        var penalty = Math.Max(1, cost.Cast<long>().DefaultIfEmpty(0).Max()) * 100;
        for (var k = 1; k < nodes; k++)
        {
            var stop = problem.Stops[planned[k - 1]];
            var index = manager.NodeToIndex(k);
            time.CumulVar(index).SetRange(stop.Ready, stop.Due);
            if (stop.Vehicles is { } vehicles && vehicles.Count < problem.Vehicles)
            {
                // -1 keeps "not performed" possible (the stop's disjunction); the rest are the allowed vehicles.
                routing.VehicleVar(index).SetValues([-1, .. vehicles.Select(v => (long)v)]);
            }
            routing.AddDisjunction([index], penalty);
        }

        for (var v = 0; v < problem.Vehicles; v++)
        {
            time.CumulVar(routing.Start(v)).SetRange(problem.DepotReady, problem.DepotDue);
            time.CumulVar(routing.End(v)).SetRange(problem.DepotReady, problem.DepotDue);
            routing.AddVariableMinimizedByFinalizer(time.CumulVar(routing.Start(v)));
            routing.AddVariableMinimizedByFinalizer(time.CumulVar(routing.End(v)));
        }

        var search = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        search.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion;
        search.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        search.TimeLimit = Duration.FromTimeSpan(timeLimit);
        var solution = routing.SolveWithParameters(search);
        if (solution is null)
        {
            unplanned.AddRange(planned.Select(i => new UnplannedStop(i, NoRoom)));
            return new RoutingPlan([], unplanned.OrderBy(u => u.Stop).ToList(), 0);
        }

        var routes = new List<PlannedRoute>();
        long total = 0;
        var served = new HashSet<int>();
        for (var v = 0; v < problem.Vehicles; v++)
        {
            var stops = new List<int>();
            var arrivals = new List<long>();
            var index = routing.Start(v);
            var previous = index;
            index = solution.Value(routing.NextVar(index));
            total += routing.GetArcCostForVehicle(previous, index, v);
            while (!routing.IsEnd(index))
            {
                var node = manager.IndexToNode(index);
                stops.Add(planned[node - 1]);
                arrivals.Add(solution.Min(time.CumulVar(index)));
                served.Add(planned[node - 1]);
                previous = index;
                index = solution.Value(routing.NextVar(index));
                total += routing.GetArcCostForVehicle(previous, index, v);
            }

            if (stops.Count > 0)
            {
                routes.Add(new PlannedRoute(v, stops, arrivals));
            }
        }

        unplanned.AddRange(planned.Where(i => !served.Contains(i)).Select(i => new UnplannedStop(i, NoRoom)));
        return new RoutingPlan(routes, unplanned.OrderBy(u => u.Stop).ToList(), total);
    }
}
