using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace CoCare.IntegrationTests;

/// <summary>Every back-office list downloads as CSV (UTF-8 with BOM) and XLSX, holding what the list shows and nothing more.</summary>
[Collection(ApiTests.Name)]
public partial class ExportTests(SharedApps apps)
{
    /// <summary>Paged lists that are not back-office lists: a person's own inbox.</summary>
    private static readonly HashSet<string> NotExported = ["/api/v1/inbox"];

    [GeneratedRegex(@"(?<![0-9A-Za-z*])\d{17}[\dX](?![0-9A-Za-z])")]
    private static partial Regex FullIdNumber();

    [GeneratedRegex(@"(?<![0-9A-Za-z*])1[3-9]\d{9}(?![0-9A-Za-z])")]
    private static partial Regex FullPhone();

    private static async Task<(string[] Header, List<string> Lines, string Text)> CsvAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, body[..3]);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(body[3..]);
        using var reader = new StringReader(text);
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await csv.ReadAsync());
        csv.ReadHeader();
        var lines = new List<string>();
        while (await csv.ReadAsync())
        {
            lines.Add(string.Join("|", csv.Parser.Record!));
        }

        return (csv.HeaderRecord!, lines, text);
    }

    private static async Task<List<IDictionary<string, object?>>> XlsxAsync(HttpResponseMessage response, string[] header)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var sheet = workbook.Query().Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(header, sheet[0].Values.Select(v => v?.ToString() ?? "").ToArray());
        return sheet.Skip(1).ToList();
    }

    /// <summary>
    /// The API description lists every paged list; each has its export at the same path under /api/v1/exports, and each
    /// export answers CSV and XLSX with headings in the reader's language and no full ID number or phone anywhere.
    /// </summary>
    [Fact]
    public async Task EveryPagedList_HasAnExport_InCsvAndXlsx_WithoutFullPersonalData()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        using var anonymous = app.CreateClient();
        var document = await HttpAssert.JsonAsync(await anonymous.GetAsync("/openapi/v1.json"));
        var gets = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out _))
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("get"));
        var lists = gets.Where(g => !g.Key.StartsWith("/api/v1/exports/", StringComparison.Ordinal) && g.Value.TryGetProperty("parameters", out var ps)
                && ps.EnumerateArray().Any(p => string.Equals(p.GetProperty("name").GetString(), "page", StringComparison.OrdinalIgnoreCase)))
            .Select(g => g.Key).Where(path => !NotExported.Contains(path)).ToList();
        Assert.True(lists.Count >= 25, $"only {lists.Count} paged lists found");
        var missing = lists.Where(path => !gets.ContainsKey("/api/v1/exports" + path["/api/v1".Length..])).ToList();
        Assert.True(missing.Count == 0, "lists without an export: " + string.Join(", ", missing));

        using var admin = await app.ClientAsync("admin");
        var point = (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/services/canteens"))).EnumerateArray().First().GetProperty("id").GetString();
        var elder = (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/residents/elders?village=450226104201&pageSize=1"))).GetProperty("items")[0].GetProperty("id").GetString();
        var account = (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/timebank/accounts?pageSize=1"))).GetProperty("items")[0].GetProperty("id").GetString();
        var exports = gets.Keys.Where(p => p.StartsWith("/api/v1/exports/", StringComparison.Ordinal)).ToList();
        Assert.Equal(lists.Count, exports.Count);
        foreach (var path in exports)
        {
            var url = path.Replace("/canteens/{id}", "/canteens/" + point, StringComparison.Ordinal)
                .Replace("/elders/{id}", "/elders/" + elder, StringComparison.Ordinal)
                .Replace("/accounts/{id}", "/accounts/" + account, StringComparison.Ordinal)
                .Replace("{code}", "servicePersonTimes", StringComparison.Ordinal);
            var query = url.Contains("/insights/", StringComparison.Ordinal) ? "&region=450200000000" : "";
            var (header, lines, text) = await CsvAsync(await admin.GetAsync(url + "?format=csv" + query));
            Assert.True(header.Length >= 3 && header.All(h => h.Length > 0 && !h.Contains('.', StringComparison.Ordinal)), $"{path}: headings {string.Join(",", header)}");
            Assert.DoesNotMatch(FullIdNumber(), text);
            Assert.DoesNotMatch(FullPhone(), text);
            var rows = await XlsxAsync(await admin.GetAsync(url + "?format=xlsx" + query), header);
            Assert.Equal(lines.Count, rows.Count);
        }
    }

    /// <summary>An export holds exactly what the list shows the caller: their villages only, the same search and filters, masked fields.</summary>
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnExport_HoldsWhatTheListShowsTheCaller(string db)
    {
        var app = await apps.GetAsync(db);
        using var village = await app.ClientAsync("village");
        var list = await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/residents/elders?pageSize=100"));
        var total = list.GetProperty("total").GetInt32();
        Assert.InRange(total, 300, 1_000); // more than one batch of the list's pages, fewer than the T-city elders the village cannot see
        var (header, lines, _) = await CsvAsync(await village.GetAsync("/api/v1/exports/residents/elders?format=csv"));
        Assert.Equal(total, lines.Count);
        Assert.Equal(["姓名", "性别", "年龄", "身份证号", "电话"], header[..5]);
        Assert.All(lines, line => Assert.Matches(@"^[^|]+\|[男女]\|\d+\|\d{6}\*{8}\d{3}[\dX]\|", line));
        Assert.DoesNotContain(lines, line => line.Contains("459021", StringComparison.Ordinal));

        // The search narrows the export as it narrows the list (the last four of the ID number).
        var first = list.GetProperty("items")[0];
        var tail = first.GetProperty("idNumberMasked").GetString()![^4..];
        var searched = await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/residents/elders?q=" + tail));
        var (_, found, _) = await CsvAsync(await village.GetAsync("/api/v1/exports/residents/elders?format=csv&q=" + tail));
        Assert.Equal(searched.GetProperty("total").GetInt32(), found.Count);
        Assert.Contains(found, line => line.StartsWith(first.GetProperty("name").GetString() + "|", StringComparison.Ordinal));

        // Filters too, and in the reader's language.
        using var english = await app.ClientAsync("village", "en");
        var open = await HttpAssert.JsonAsync(await english.GetAsync("/api/v1/residents/needs?status=Open&pageSize=1"));
        var (needsHeader, needs, _) = await CsvAsync(await english.GetAsync("/api/v1/exports/residents/needs?format=csv&status=Open"));
        Assert.Equal(open.GetProperty("total").GetInt32(), needs.Count);
        Assert.Contains("Status", needsHeader);
        Assert.All(needs, line => Assert.Contains("|Open|", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadExports_AreRefused_AndNothingIsSent()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        using var provider = await app.ClientAsync("provider");
        foreach (var format in new[] { "", "pdf", "CSVX" })
        {
            var problem = await HttpAssert.ProblemAsync(await provider.GetAsync("/api/v1/exports/residents/elders?format=" + format), 400);
            Assert.Contains("csv", problem.GetProperty("errors").GetProperty("format")[0].GetString(), StringComparison.Ordinal);
        }

        await HttpAssert.ProblemAsync(await provider.GetAsync("/api/v1/exports/residents/elders?format=csv&pageSize=0"), 400);
        await HttpAssert.ProblemAsync(await provider.GetAsync("/api/v1/exports/directory/accounts?format=csv"), 403);
        await HttpAssert.ProblemAsync(await provider.GetAsync($"/api/v1/exports/services/canteens/{Guid.NewGuid()}/checkins?format=csv"), 404);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/exports/residents/elders?format=csv")).StatusCode);

        // The browser's copy wants the sign-in cookie (a bearer token does not open it) and then answers the same file.
        using var noCookie = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var redirected = await noCookie.GetAsync("/exports/residents/elders?format=csv");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Contains("/account/login", redirected.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var browser = await app.BrowserClientAsync("provider");
        var (_, viaCookie, _) = await CsvAsync(await browser.GetAsync("/exports/residents/elders?format=csv"));
        var (_, viaToken, _) = await CsvAsync(await provider.GetAsync("/api/v1/exports/residents/elders?format=csv"));
        Assert.Equal(viaToken, viaCookie);
    }
}
