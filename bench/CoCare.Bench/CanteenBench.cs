using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CoCare.Bench;

/// <summary>
/// The canteen's lunch-hour path (issue 5): POST /api/v1/services/canteens/{id}/checkins with <c>clients</c> concurrent
/// clients against the real platform running as a separate process (Kestrel on 127.0.0.1, SQLite file or PostgreSQL).
/// Baseline: a trivial JSON endpoint of the same server, measured in the same run with the same clients. Then the
/// crash check: check-ins under the same load, the server killed with SIGKILL part-way, and every check-in it had
/// acknowledged looked up in the database afterwards (and re-sent to the restarted server, which must answer
/// "repeated").
/// </summary>
internal static class CanteenBench
{
    /// <summary>Long enough for the JIT to finish tiering up the hot path on two cores (a server runs for hours, not seconds).</summary>
    private static readonly double WarmUpSeconds = double.TryParse(Environment.GetEnvironmentVariable("COCARE_BENCH_WARMUP"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 20;

    public static async Task<int> RunAsync(double seconds, int clients, string? postgres)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("cocare-canteen-");
        string provider, connection;
        if (postgres is null)
        {
            (provider, connection) = ("Sqlite", "Data Source=" + Path.Combine(folder.FullName, "cocare.db"));
        }
        else
        {
            var database = "cocare_bench_" + Guid.NewGuid().ToString("N")[..8];
            await using (var admin = new NpgsqlConnection(postgres))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }

            (provider, connection) = ("Postgres", new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString);
        }

        Console.WriteLine($"canteen-checkins: {provider}, {clients} clients, {seconds:F0} s per measurement, {Environment.ProcessorCount} cores");
        var port = FreePort();
        var server = Serve(provider, connection, port, folder.FullName);
        try
        {
            using var http = Client(port, clients);
            await WaitUntilUpAsync(http);
            var token = await TokenAsync(http);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var point = await OpenAllDayPointAsync(http);
            var cards = await CardsAsync(http);
            Console.WriteLine($"  {cards.Count} elders' cards, point {point}");

            var checkIn = CheckInRequest(point, cards);
            await LoadAsync(http, clients, 2, Trivial, null);
            await LoadAsync(http, clients, WarmUpSeconds, checkIn, null);
            var baseline = await LoadAsync(http, clients, seconds, Trivial, null);
            var hot = await LoadAsync(http, clients, seconds, checkIn, null);
            Console.WriteLine($"  trivial JSON endpoint: {baseline}");
            Console.WriteLine($"  check-in:              {hot}");
            var ratio = hot.PerSecond / baseline.PerSecond;
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                benchmark = "canteen-checkins",
                database = provider,
                clients,
                checkinsPerSecond = Math.Round(hot.PerSecond),
                trivialPerSecond = Math.Round(baseline.PerSecond),
                ratio = Math.Round(ratio, 3),
                p50Ms = Math.Round(hot.P50, 2),
                p99Ms = Math.Round(hot.P99, 2),
                errors = hot.Errors,
            }));

            // Kill -9 part-way through a run; everything acknowledged must be in the database.
            var acknowledged = new System.Collections.Concurrent.ConcurrentBag<Guid>();
            var killer = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(3, seconds / 2)));
                server.Kill(entireProcessTree: true);
            });
            var crashed = await LoadAsync(http, clients, seconds, checkIn, acknowledged);
            await killer;
            await server.WaitForExitAsync();
            var stored = await StoredIdsAsync(provider, connection);
            var lost = acknowledged.Count(id => !stored.Contains(id));
            Console.WriteLine($"  kill -9 during load: {acknowledged.Count:N0} check-ins acknowledged before the kill, {stored.Count:N0} stored in all, {lost} acknowledged but missing");

            server = Serve(provider, connection, port, folder.FullName);
            await WaitUntilUpAsync(http);
            var sample = acknowledged.Take(20).ToList();
            var repeated = 0;
            foreach (var id in sample)
            {
                using var response = await http.PostAsJsonAsync($"/api/v1/services/canteens/{point}/checkins", new { checkInId = id, card = cards[0], payment = "Cash" });
                repeated += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            }

            Console.WriteLine($"  after restart: {repeated} of {sample.Count} acknowledged check-ins re-sent were answered as repeats (200), none recorded twice");
            var holds = ratio >= 0.15 && hot.P99 < 50 && lost == 0 && repeated == sample.Count && !acknowledged.IsEmpty;
            Console.WriteLine(holds ? "claims hold: ratio >= 0.15, p99 < 50 ms, nothing acknowledged lost" : "CLAIM FAILS (see above)");
            _ = crashed;
            return holds ? 0 : 1;
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            server.Dispose();
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The platform as its own process: this program with <c>serve</c> (see <see cref="BenchServer"/>).</summary>
    internal static Process Serve(string provider, string connection, int port, string folder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var self = typeof(CanteenBench).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = false, RedirectStandardError = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(self);
        }

        foreach (var a in new[] { "serve", provider, connection, port.ToString(CultureInfo.InvariantCulture), folder })
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the server process.");
    }

    internal static HttpClient Client(int port, int clients) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };

    internal static async Task WaitUntilUpAsync(HttpClient http)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                using var response = await http.GetAsync("/bench/trivial");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The server did not come up in 3 minutes.");
    }

    internal static async Task<string> TokenAsync(HttpClient http, string password = BenchHost.Password)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "provider", password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static async Task<Guid> OpenAllDayPointAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/services/canteens", new
        {
            name = "压测食堂",
            regionCode = "450226104201",
            seatsPerSession = 10_000,
            sessions = new[] { new { name = "全天", opens = TimeOnly.MinValue, closes = TimeOnly.MaxValue } },
        });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<List<string>> CardsAsync(HttpClient http)
    {
        var cards = new List<string>();
        for (var page = 1; page <= 10; page++)
        {
            using var response = await http.GetAsync($"/api/v1/residents/elders?pageSize=100&page={page}");
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var items = body.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("serviceCardNumber").GetString()).OfType<string>().ToList();
            cards.AddRange(items);
            if (items.Count < 100)
            {
                break;
            }
        }

        return cards;
    }

    private static Task<HttpResponseMessage> Trivial(HttpClient http, Random random, Guid id) => http.GetAsync("/bench/trivial");

    private static Func<HttpClient, Random, Guid, Task<HttpResponseMessage>> CheckInRequest(Guid point, List<string> cards) =>
        (http, random, id) => http.PostAsJsonAsync($"/api/v1/services/canteens/{point}/checkins", new { checkInId = id, card = cards[random.Next(cards.Count)], payment = "Cash" });

    /// <summary>
    /// <paramref name="clients"/> loops, each sending one request after another for <paramref name="seconds"/> (bounded:
    /// at most 2 million requests in all). Acknowledged check-in ids go to <paramref name="acknowledged"/> when given.
    /// </summary>
    private static async Task<LoadResult> LoadAsync(HttpClient http, int clients, double seconds, Func<HttpClient, Random, Guid, Task<HttpResponseMessage>> send,
        System.Collections.Concurrent.ConcurrentBag<Guid>? acknowledged)
    {
        const int MaxRequests = 2_000_000;
        var latencies = new double[MaxRequests];
        var count = -1;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var loops = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            while (clock.Elapsed < until)
            {
                var slot = Interlocked.Increment(ref count);
                if (slot >= MaxRequests)
                {
                    return;
                }

                var id = Guid.NewGuid();
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await send(http, random, id);
                    await response.Content.LoadIntoBufferAsync();
                    latencies[slot] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged?.Add(id);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    latencies[slot] = double.NaN;
                    Interlocked.Increment(ref errors);
                    if (acknowledged is not null)
                    {
                        return; // the server is gone
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(loops);
        var elapsed = clock.Elapsed.TotalSeconds;
        var done = Math.Min(count + 1, MaxRequests);
        var measured = latencies.Take(done).Where(l => !double.IsNaN(l) && l > 0).Order().ToArray();
        return new LoadResult(done - errors, elapsed, Percentile(measured, 0.50), Percentile(measured, 0.99), errors);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<HashSet<Guid>> StoredIdsAsync(string provider, string connection)
    {
        var ids = new HashSet<Guid>();
        if (provider == "Sqlite")
        {
            await using var db = new SqliteConnection(connection);
            await db.OpenAsync();
            await using var read = db.CreateCommand();
            read.CommandText = "SELECT \"Id\" FROM svc_meal_checkins";
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                ids.Add(Guid.Parse(rows.GetString(0)));
            }
        }
        else
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT \"Id\" FROM svc_meal_checkins", db);
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                ids.Add(rows.GetGuid(0));
            }
        }

        return ids;
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record LoadResult(int Ok, double Seconds, double P50, double P99, int Errors)
    {
        public double PerSecond => Ok / Seconds;

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{PerSecond:N0} req/s, p50 {P50:F2} ms, p99 {P99:F2} ms, {Errors} errors ({Ok:N0} in {Seconds:F1} s)");
    }
}
