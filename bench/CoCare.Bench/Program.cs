using System.Globalization;

namespace CoCare.Bench;

/// <summary>
/// Benchmarks for the speed claims in docs/benchmarks.md. Each reports its result and a baseline measured in the
/// same run on the same machine, so the ratio survives a noisy shared host.
///   dotnet run -c Release --project bench/CoCare.Bench -- roster-import [rows] [runs]
///   dotnet run -c Release --project bench/CoCare.Bench -- solomon FILE [--seconds N]
///   dotnet run -c Release --project bench/CoCare.Bench -- solomon-all DIR [--seconds N]
///   dotnet run -c Release --project bench/CoCare.Bench -- canteen-checkins [--seconds N] [--clients N] [--postgres CONNECTION]
///   dotnet run -c Release --project bench/CoCare.Bench -- kpis [--rows N] [--requests N] [--postgres CONNECTION]
///   dotnet run -c Release --project bench/CoCare.Bench -- devices [--count N] [--rate R] [--seconds S] [--sos-rate P] [--url URL [--password P] --mqtt HOST:PORT]
/// </summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var name = args.FirstOrDefault() ?? "roster-import";
        switch (name)
        {
            case "roster-import":
                var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
                var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
                await RosterImportBench.RunAsync(rows, runs);
                return 0;
            case "solomon" when args.Length > 1:
                SolomonBench.One(args[1], Seconds(args));
                return 0;
            case "solomon-all" when args.Length > 1:
                SolomonBench.All(args[1], Seconds(args));
                return 0;
            case "canteen-checkins":
                return await CanteenBench.RunAsync(Seconds(args), Option(args, "--clients") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : 64, Option(args, "--postgres"));
            case "kpis":
                return await KpiBench.RunAsync(Option(args, "--rows") is { } r ? long.Parse(r, CultureInfo.InvariantCulture) : 10_000_000,
                    Option(args, "--requests") is { } q ? int.Parse(q, CultureInfo.InvariantCulture) : 40, Option(args, "--postgres"));
            case "devices":
                return await DevicesBench.RunAsync(Option(args, "--count") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 100_000,
                    Option(args, "--rate") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : 5_000, Seconds(args),
                    Option(args, "--sos-rate") is { } sos ? double.Parse(sos, CultureInfo.InvariantCulture) : 5, Option(args, "--url"), Option(args, "--mqtt"),
                    Option(args, "--password"));
            case "serve" when args.Length == 5:
                return await BenchServer.RunAsync(args);
            default:
                await Console.Error.WriteLineAsync($"Unknown benchmark '{name}'. Known: roster-import, solomon FILE, solomon-all DIR, canteen-checkins, kpis, devices.");
                return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static double Seconds(string[] args)
    {
        var at = Array.IndexOf(args, "--seconds");
        return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : 10;
    }
}
