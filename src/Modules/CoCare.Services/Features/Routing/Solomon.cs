using System.Globalization;

namespace CoCare.Services.Features.Routing;

/// <summary>
/// The Solomon VRPTW text format (used by the Solomon and Gehring &amp; Homberger benchmark sets) read into a
/// <see cref="RoutingProblem"/>: Euclidean distances scaled by 1,000 and rounded for the cost, rounded up for travel
/// time (so a plan feasible here is feasible with exact distances), times and windows scaled by 1,000.
/// </summary>
public static class Solomon
{
    public const int Scale = 1000;

    public static RoutingProblem Parse(string text, int? fleet = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var name = lines[0];
        var vehicleLine = lines.FindIndex(l => l.StartsWith("VEHICLE", StringComparison.OrdinalIgnoreCase));
        var numbers = lines.Skip(vehicleLine + 1).First(l => char.IsAsciiDigit(l[0])).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var vehicles = fleet ?? int.Parse(numbers[0], CultureInfo.InvariantCulture);
        var capacity = int.Parse(numbers[1], CultureInfo.InvariantCulture);
        var customerLine = lines.FindIndex(l => l.StartsWith("CUSTOMER", StringComparison.OrdinalIgnoreCase));
        var rows = lines.Skip(customerLine + 1).Where(l => char.IsAsciiDigit(l[0]))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var depot = rows[0];
        var stops = rows.Skip(1).Select(r => new RoutingStop(((int)r[0]).ToString(CultureInfo.InvariantCulture), r[1], r[2], (int)r[3],
            (long)(r[4] * Scale), (long)(r[5] * Scale), (long)(r[6] * Scale))).ToList();
        return new RoutingProblem(name, depot[1], depot[2], (long)(depot[4] * Scale), (long)(depot[5] * Scale), stops, vehicles, capacity,
            (x1, y1, x2, y2) => (long)Math.Round(Euclid(x1, y1, x2, y2) * Scale, MidpointRounding.AwayFromZero),
            (x1, y1, x2, y2) => (long)Math.Ceiling(Euclid(x1, y1, x2, y2) * Scale));
    }

    public static double Euclid(double x1, double y1, double x2, double y2) => Math.Sqrt(((x1 - x2) * (x1 - x2)) + ((y1 - y2) * (y1 - y2)));

    /// <summary>Total distance with exact arcs, and with every arc truncated to one decimal (the CVRPLIB/DIMACS convention).</summary>
    public static (double Exact, double Dimacs) Distances(RoutingProblem problem, RoutingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        double exact = 0, dimacs = 0;
        foreach (var route in plan.Routes)
        {
            var (x, y) = (problem.DepotX, problem.DepotY);
            foreach (var (nx, ny) in route.Stops.Select(i => (problem.Stops[i].X, problem.Stops[i].Y)).Append((problem.DepotX, problem.DepotY)))
            {
                var d = Euclid(x, y, nx, ny);
                exact += d;
                dimacs += Math.Floor(d * 10) / 10;
                (x, y) = (nx, ny);
            }
        }

        return (exact, Math.Round(dimacs, 1));
    }

    /// <summary>Checks a plan with exact distances: every stop at most once, capacity, time windows, back before the depot closes. Returns the first breach, or null.</summary>
    public static string? CheckFeasible(RoutingProblem problem, RoutingPlan plan, bool requireAll)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        var seen = new HashSet<int>();
        foreach (var route in plan.Routes)
        {
            double clock = problem.DepotReady / (double)Scale;
            var (x, y) = (problem.DepotX, problem.DepotY);
            var load = 0;
            foreach (var i in route.Stops)
            {
                var s = problem.Stops[i];
                if (!seen.Add(i))
                {
                    return $"customer {s.Id} served twice";
                }

                load += s.Demand;
                clock = Math.Max(clock + Euclid(x, y, s.X, s.Y), s.Ready / (double)Scale);
                if (clock > (s.Due / (double)Scale) + 1e-9)
                {
                    return $"customer {s.Id} reached at {clock:F3} after its window closes at {s.Due / (double)Scale}";
                }

                clock += s.Service / (double)Scale;
                (x, y) = (s.X, s.Y);
            }

            if (load > problem.Capacity)
            {
                return $"vehicle {route.Vehicle} carries {load} > {problem.Capacity}";
            }

            if (clock + Euclid(x, y, problem.DepotX, problem.DepotY) > (problem.DepotDue / (double)Scale) + 1e-9)
            {
                return $"vehicle {route.Vehicle} returns after the depot closes";
            }
        }

        return requireAll && seen.Count != problem.Stops.Count ? $"{problem.Stops.Count - seen.Count} customers not served" : null;
    }
}
