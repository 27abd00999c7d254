using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CoCare.Services.Features.Routing;

namespace CoCare.Bench;

/// <summary>
/// Route planning on the Solomon / Gehring &amp; Homberger VRPTW instances with the platform's own planner
/// (distance objective, fleet as in the file, default 25). One instance prints one JSON line; a folder runs every
/// instance in it, checks each plan (every customer once, capacity, time windows with exact distances) and compares
/// the DIMACS-convention distance with bks_distance_dimacs.csv from the same folder.
///   dotnet run -c Release --project bench/CoCare.Bench -- solomon FILE --seconds N
///   dotnet run -c Release --project bench/CoCare.Bench -- solomon-all DIR --seconds N
/// </summary>
internal static class SolomonBench
{
    public sealed record Result(string Instance, int Vehicles, double Distance, double DistanceDimacs, double Seconds, string? Infeasible, int Unplanned);

    public static Result Run(string file, double seconds)
    {
        var problem = Solomon.Parse(File.ReadAllText(file));
        var clock = Stopwatch.StartNew();
        var plan = RoutePlanner.Plan(problem, TimeSpan.FromSeconds(seconds));
        clock.Stop();
        var (exact, dimacs) = Solomon.Distances(problem, plan);
        return new Result(Path.GetFileNameWithoutExtension(file).ToUpperInvariant(), plan.Routes.Count, Math.Round(exact, 3), dimacs, Math.Round(clock.Elapsed.TotalSeconds, 2),
            Solomon.CheckFeasible(problem, plan, requireAll: true), plan.Unplanned.Count);
    }

    public static void One(string file, double seconds)
    {
        var r = Run(file, seconds);
        Console.WriteLine(JsonSerializer.Serialize(new { instance = r.Instance, vehicles = r.Vehicles, distance = r.Distance, distanceDimacs = r.DistanceDimacs, seconds = r.Seconds, feasible = r.Infeasible is null }));
    }

    public static void All(string folder, double seconds)
    {
        var bks = File.ReadAllLines(Path.Combine(folder, "bks_distance_dimacs.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(p => p[0].ToUpperInvariant(), p => double.Parse(p[2], CultureInfo.InvariantCulture));
        var results = new List<(Result R, double Gap)>();
        Console.WriteLine("instance,vehicles,distance,distance_dimacs,bks_dimacs,gap_pct,seconds,feasible");
        foreach (var file in System.IO.Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var r = Run(file, seconds);
            var gap = bks.TryGetValue(r.Instance, out var best) ? (r.DistanceDimacs - best) / best * 100 : double.NaN;
            results.Add((r, gap));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Instance},{r.Vehicles},{r.Distance:F3},{r.DistanceDimacs:F1},{best:F1},{gap:F2},{r.Seconds:F2},{(r.Infeasible is null ? "yes" : "NO: " + r.Infeasible)}"));
        }

        Console.WriteLine();
        Console.WriteLine("class,instances,mean_vehicles,mean_distance_dimacs,mean_gap_pct,max_gap_pct,mean_seconds");
        foreach (var group in results.GroupBy(x => new string([.. x.R.Instance.TakeWhile(c => !char.IsAsciiDigit(c))]) + x.R.Instance.SkipWhile(c => !char.IsAsciiDigit(c)).First()))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key},{group.Count()},{group.Average(x => x.R.Vehicles):F2},{group.Average(x => x.R.DistanceDimacs):F1},{group.Average(x => x.Gap):F2},{group.Max(x => x.Gap):F2},{group.Average(x => x.R.Seconds):F2}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all,{results.Count},{results.Average(x => x.R.Vehicles):F2},{results.Average(x => x.R.DistanceDimacs):F1},{results.Average(x => x.Gap):F2},{results.Max(x => x.Gap):F2},{results.Average(x => x.R.Seconds):F2}"));
        var infeasible = results.Count(x => x.R.Infeasible is not null);
        Console.WriteLine(infeasible == 0 ? "every plan checked feasible" : $"{infeasible} INFEASIBLE plans");
    }
}
