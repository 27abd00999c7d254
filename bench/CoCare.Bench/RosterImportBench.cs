using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CoCare.Kernel;
using Microsoft.Data.Sqlite;

namespace CoCare.Bench;

/// <summary>
/// Roster import (issue 4): a synthetic roster of <c>rows</c> elders (valid ID numbers, phone, address, categories)
/// posted as CSV to POST /api/v1/residents/imports on a fresh database, timed end to end. Baseline: the same number
/// of rows of the same width inserted raw into SQLite (Microsoft.Data.Sqlite, 1,000 rows per transaction, WAL +
/// synchronous=NORMAL as the platform runs), measured in the same run.
/// </summary>
internal static class RosterImportBench
{
    private static readonly string[] Columns = ["$id", "$name", "$c1", "$ix", "$c2", "$c3", "$v"];

    public static async Task RunAsync(int rows, int runs)
    {
        var csv = Roster(rows);
        Console.WriteLine($"roster-import: {rows:N0} rows, {csv.Length / 1024.0 / 1024.0:F1} MB CSV, {runs} runs, {Environment.ProcessorCount} cores");
        var import = new List<double>();
        var baseline = new List<double>();
        var allocated = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var (rate, bytes) = await ImportOnceAsync(csv, rows);
            var raw = RawInsertOnce(rows);
            import.Add(rate);
            baseline.Add(raw);
            allocated.Add(bytes / 1024.0 / 1024.0);
            Console.WriteLine($"  run {run}: import {rate:N0} rows/s, raw SQLite {raw:N0} rows/s, ratio {rate / raw:F3}, allocated {bytes / 1024.0 / 1024.0:N0} MB");
        }

        var medianImport = Median(import);
        var medianRaw = Median(baseline);
        Console.WriteLine($"median: import {medianImport:N0} rows/s; raw SQLite {medianRaw:N0} rows/s; ratio {medianImport / medianRaw:F3}; allocated {Median(allocated):N0} MB per import");
        Console.WriteLine(medianImport >= 5000 ? "claim holds: at least 5,000 rows/s" : "CLAIM FAILS: below 5,000 rows/s");
    }

    private static async Task<(double RowsPerSecond, long AllocatedBytes)> ImportOnceAsync(byte[] csv, int rows)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("cocare-bench-");
        try
        {
            await using var host = new BenchHost(Path.Combine(folder.FullName, "cocare.db"));
            using var client = await host.SignedInAsync("provider");
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(csv), "file", "roster.csv");
            form.Add(new StringContent("true"), "consentConfirmed");
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var response = await client.PostAsync("/api/v1/residents/imports", form);
            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != 201)
            {
                throw new InvalidOperationException($"Import failed: {(int)response.StatusCode} {body}");
            }

            using var json = JsonDocument.Parse(body);
            var imported = json.RootElement.GetProperty("imported").GetInt32();
            if (imported != rows)
            {
                throw new InvalidOperationException($"Imported {imported} of {rows} rows: {body[..Math.Min(body.Length, 2000)]}");
            }

            return (rows / clock.Elapsed.TotalSeconds, allocated);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static double RawInsertOnce(int rows)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("cocare-bench-raw-");
        try
        {
            using var connection = new SqliteConnection("Data Source=" + Path.Combine(folder.FullName, "raw.db"));
            connection.Open();
            using (var setup = connection.CreateCommand())
            {
                setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " +
                    "CREATE TABLE elders (id TEXT PRIMARY KEY, name TEXT, id_cipher TEXT, id_index TEXT UNIQUE, phone_cipher TEXT, address_cipher TEXT, village TEXT);";
                setup.ExecuteNonQuery();
            }

            var cipherLike = new string('x', 60);
            var clock = Stopwatch.StartNew();
            for (var start = 0; start < rows; start += 1000)
            {
                using var transaction = connection.BeginTransaction();
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO elders VALUES ($id, $name, $c1, $ix, $c2, $c3, $v)";
                var p = Columns.Select(n => insert.Parameters.Add(new SqliteParameter(n, ""))).ToArray();
                for (var i = start; i < Math.Min(rows, start + 1000); i++)
                {
                    p[0].Value = Guid.CreateVersion7().ToString();
                    p[1].Value = "老人" + i;
                    p[2].Value = cipherLike;
                    p[3].Value = i.ToString("x64", CultureInfo.InvariantCulture);
                    p[4].Value = cipherLike;
                    p[5].Value = cipherLike;
                    p[6].Value = "450226104201";
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            clock.Stop();
            return rows / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A roster as a village cadre would upload it: Chinese headers, every optional column filled.</summary>
    private static byte[] Roster(int rows)
    {
        var text = new StringBuilder("序号,姓名,性别,出生日期,身份证号,联系电话,住址,村(社区),居住情况,类别\r\n");
        var birth = new DateOnly(1935, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var day = birth.AddDays(i % 10_000);
            var sequence = 700 + (i / 10_000);
            var first17 = string.Create(CultureInfo.InvariantCulture, $"450226{day:yyyyMMdd}{sequence:000}");
            var gender = sequence % 2 == 1 ? "男" : "女";
            text.Append(CultureInfo.InvariantCulture, $"{i + 1},测试老人{i},{gender},{day:yyyy-MM-dd},{first17}{ResidentIdNumber.CheckCharacter(first17)},")
                .Append(CultureInfo.InvariantCulture, $"138{i % 100_000_000:00000000},广西三江县林溪镇G村{i % 30}组{i % 90}号,450226104201,独居,独居、低保\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
