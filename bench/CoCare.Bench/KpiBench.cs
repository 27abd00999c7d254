using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CoCare.Kernel;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CoCare.Bench;

/// <summary>
/// KPIs of a region with 10 million service records (issue 9): the T-city demo region receives <c>rows</c> canteen
/// check-ins spread over its 250 communities and villages and the last 365 days (written raw, so the database triggers
/// keep the day counts as they would for any write), then GET /api/v1/insights/kpis for the region (every KPI) is timed
/// <c>requests</c> times. Baseline, measured in the same run on the same rows: the plain SQL aggregate
/// <c>SELECT COUNT(*)</c> of the region's check-ins over the same days. Then a CSV export of about a million rows is
/// streamed, with the process's peak working set sampled; its baseline is a raw reader writing the same rows as CSV.
/// </summary>
internal static class KpiBench
{
    private const string Region = "459000000000";
    private const string Town = "459021101000";
    private static readonly string[] Parameters = ["$id", "$point", "$elder", "$name", "$village", "$day", "$at"];

    public static async Task<int> RunAsync(long rows, int requests, string? postgres)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cocare-bench-kpis-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        string? database = null;
        if (postgres is not null)
        {
            database = "cocare_kpis_" + Guid.NewGuid().ToString("N")[..8];
            await using var admin = new NpgsqlConnection(postgres);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connection = database is null ? null : new NpgsqlConnectionStringBuilder(postgres) { Database = database, Pooling = true }.ConnectionString;
        var file = Path.Combine(directory, "kpis.db");
        try
        {
            await using var host = new BenchHost(file, connection);
            using var client = await host.SignedInAsync("admin");
            var today = ChinaTime.Day(DateTime.UtcNow);
            var from = today.AddDays(-364);
            Console.WriteLine($"kpis: {(connection is null ? "SQLite" : "PostgreSQL")}, {rows:N0} check-ins in {Region} over {from:yyyy-MM-dd}..{today:yyyy-MM-dd}, {Environment.ProcessorCount} cores");
            var load = Stopwatch.StartNew();
            await using (var raw = await OpenAsync(file, connection))
            {
                await LoadAsync(raw, rows, from, connection is not null);
            }

            Console.WriteLine($"  loaded in {load.Elapsed.TotalSeconds:N0} s (triggers keeping the day counts)");

            var query = $"/api/v1/insights/kpis?region={Region}&from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}";
            var check = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(query)).RootElement;
            await using var reader = await OpenAsync(file, connection);
            var counted = await ScalarAsync(reader, RegionCount(connection is not null, from, today));
            Console.WriteLine($"  servicePersonTimes {check.GetProperty("servicePersonTimes").GetDouble():N0}, canteen check-ins counted raw {counted:N0}");
            if ((long)check.GetProperty("servicePersonTimes").GetDouble() < counted)
            {
                Console.WriteLine("NUMBERS DISAGREE");
                return 1;
            }

            var sheet = new List<double>();
            var plain = new List<double>();
            for (var i = 0; i < requests + 3; i++)
            {
                var watch = Stopwatch.StartNew();
                (await client.GetAsync(query)).EnsureSuccessStatusCode();
                var sheetMs = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                await ScalarAsync(reader, RegionCount(connection is not null, from, today));
                var plainMs = watch.Elapsed.TotalMilliseconds;
                if (i >= 3)
                {
                    (sheet, plain) = ([.. sheet, sheetMs], [.. plain, plainMs]);
                }
            }

            Console.WriteLine($"  KPI sheet (13 KPIs) p50 {P(sheet, 50):N1} ms, p95 {P(sheet, 95):N1} ms; plain COUNT(*) p50 {P(plain, 50):N1} ms, p95 {P(plain, 95):N1} ms; ratio p95 {P(sheet, 95) / P(plain, 95):F3}");
            Console.WriteLine(P(sheet, 95) < 500 ? "claim holds: p95 under 500 ms" : "CLAIM FAILS: p95 at or over 500 ms");

            // Export: about a million rows (one town of 50 villages over half the year), streamed.
            var exportFrom = today.AddDays(-182);
            var exportRows = await ScalarAsync(reader, TownCount(connection is not null, exportFrom, today));
            using var process = Process.GetCurrentProcess();
            GC.Collect();
            process.Refresh();
            var before = process.WorkingSet64;
            long peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    await Task.Delay(20);
                }
            });
            var allocated = GC.GetTotalAllocatedBytes(true);
            var exportWatch = Stopwatch.StartNew();
            using var response = await client.GetAsync($"/api/v1/exports/insights/kpis/canteenMeals/records?format=csv&region={Town}&from={exportFrom:yyyy-MM-dd}&to={today:yyyy-MM-dd}",
                HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            long lines = 0;
            await using (var body = await response.Content.ReadAsStreamAsync())
            {
                var buffer = new byte[81920];
                for (int n; (n = await body.ReadAsync(buffer)) > 0;)
                {
                    lines += buffer.AsSpan(0, n).Count((byte)'\n');
                }
            }

            var exportSeconds = exportWatch.Elapsed.TotalSeconds;
            allocated = GC.GetTotalAllocatedBytes(true) - allocated;
            await sampling.CancelAsync();
            await sampler;
            var rawWatch = Stopwatch.StartNew();
            var rawRows = await RawCsvAsync(reader, connection is not null, exportFrom, today);
            var rawSeconds = rawWatch.Elapsed.TotalSeconds;
            Console.WriteLine($"  export {lines - 1:N0} rows (expected {exportRows:N0}) in {exportSeconds:N1} s ({(lines - 1) / exportSeconds:N0} rows/s); raw reader to CSV {rawRows:N0} rows in {rawSeconds:N1} s; ratio {rawSeconds / exportSeconds:F3}");
            Console.WriteLine($"  export peak working set +{(peak - before) / 1024.0 / 1024.0:N0} MB over {before / 1024.0 / 1024.0:N0} MB; allocated {allocated / 1024.0 / 1024.0:N0} MB");
            return lines - 1 == exportRows ? 0 : 1;
        }
        finally
        {
            if (database is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(postgres);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }

            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(directory, true);
        }
    }

    private static async Task<DbConnection> OpenAsync(string file, string? postgres)
    {
        DbConnection connection = postgres is null
            ? new SqliteConnection("Data Source=" + file)
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static string RegionCount(bool pg, DateOnly from, DateOnly to) => pg
        ? $"SELECT COUNT(*) FROM svc_meal_checkins WHERE \"VillageCode\" LIKE '4590%' AND \"Day\" BETWEEN '{from:yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'"
        : $"SELECT COUNT(*) FROM svc_meal_checkins WHERE VillageCode >= '4590' AND VillageCode < '4591' AND Day BETWEEN '{from:yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'";

    private static string TownCount(bool pg, DateOnly from, DateOnly to) => pg
        ? $"SELECT COUNT(*) FROM svc_meal_checkins WHERE \"VillageCode\" LIKE '459021101%' AND \"Day\" BETWEEN '{from:yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'"
        : $"SELECT COUNT(*) FROM svc_meal_checkins WHERE VillageCode >= '459021101' AND VillageCode < '459021102' AND Day BETWEEN '{from:yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'";

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<long> RawCsvAsync(DbConnection connection, bool pg, DateOnly from, DateOnly to)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = TownCount(pg, from, to).Replace("COUNT(*)", pg ? "\"Id\", \"Day\", \"VillageCode\", \"Session\", \"ElderName\"" : "Id, Day, VillageCode, Session, ElderName", StringComparison.Ordinal);
        await using var rows = await command.ExecuteReaderAsync();
        await using var writer = new StreamWriter(Stream.Null);
        long n = 0;
        while (await rows.ReadAsync())
        {
            await writer.WriteLineAsync($"{rows.GetValue(1)},{rows.GetString(2)},{rows.GetString(2)},{rows.GetString(3)},{rows.GetString(4)}");
            n++;
        }

        return n;
    }

    /// <summary>The check-ins, raw: a T-city service point, synthetic elders, one row per meal.</summary>
    private static async Task LoadAsync(DbConnection connection, long rows, DateOnly from, bool pg)
    {
        var villages = new List<string>();
        string point;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = pg
                ? "SELECT \"Code\" FROM dir_regions WHERE \"Code\" LIKE '4590%' AND \"Level\" = 'Village' ORDER BY \"Code\""
                : "SELECT Code FROM dir_regions WHERE Code LIKE '4590%' AND Level = 'Village' ORDER BY Code";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                villages.Add(reader.GetString(0));
            }
        }

        point = Convert.ToString(await CommandScalarAsync(connection, pg ? "SELECT \"Id\" FROM svc_service_points WHERE \"RegionCode\" LIKE '4590%' LIMIT 1" : "SELECT Id FROM svc_service_points WHERE RegionCode LIKE '4590%' LIMIT 1"), CultureInfo.InvariantCulture)!;
        if (villages.Count == 0)
        {
            throw new InvalidOperationException("The T-city demo regions are missing.");
        }

        if (pg)
        {
            var pointId = Guid.Parse(point);
            for (long i = 0; i < rows;)
            {
                // One COPY per million rows (the triggers run inside each).
                await using var copy = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
                    "COPY svc_meal_checkins (\"Id\", \"ServicePointId\", \"ElderId\", \"ElderName\", \"VillageCode\", \"Day\", \"At\", \"Session\", \"Method\", \"ListPriceFen\", \"SubsidyFen\", \"PaidFen\", \"Payment\", \"RecordedBy\", \"Version\") FROM STDIN (FORMAT BINARY)");
                for (var n = 0; n < 1_000_000 && i < rows; n++, i++)
                {
                    var (village, day) = (villages[(int)(i % villages.Count)], from.AddDays((int)(i / villages.Count % 365)));
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(pointId, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync("压测" + (i % 1000).ToString("000", CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(village, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(day, NpgsqlDbType.Date);
                    await copy.WriteAsync(ChinaTime.Utc(day, new TimeOnly(12, 0)), NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync("午餐", NpgsqlDbType.Varchar);
                    await copy.WriteAsync("Card", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(1000L, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(500L, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(500L, NpgsqlDbType.Bigint);
                    await copy.WriteAsync("Cash", NpgsqlDbType.Varchar);
                    await copy.WriteAsync("bench", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
                }

                await copy.CompleteAsync();
            }

            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE svc_meal_checkins; ANALYZE svc_day_counts;";
            await analyze.ExecuteNonQueryAsync();
            return;
        }

        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO svc_meal_checkins (Id, ServicePointId, ElderId, ElderName, VillageCode, Day, At, Session, Method, ListPriceFen, SubsidyFen, PaidFen, Payment, RecordedBy, Version) " +
            "VALUES ($id, $point, $elder, $name, $village, $day, $at, '午餐', 'Card', 1000, 500, 500, 'Cash', 'bench', 0)";
        var parameters = Parameters.Select(n =>
        {
            var p = insert.CreateParameter();
            p.ParameterName = n;
            insert.Parameters.Add(p);
            return p;
        }).ToArray();
        parameters[1].Value = point;
        for (long i = 0; i < rows;)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            insert.Transaction = transaction;
            for (var n = 0; n < 100_000 && i < rows; n++, i++)
            {
                var day = from.AddDays((int)(i / villages.Count % 365));
                parameters[0].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
                parameters[2].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
                parameters[3].Value = "压测" + (i % 1000).ToString("000", CultureInfo.InvariantCulture);
                parameters[4].Value = villages[(int)(i % villages.Count)];
                parameters[5].Value = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                parameters[6].Value = ChinaTime.Utc(day, new TimeOnly(12, 0)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    private static async Task<object?> CommandScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}
