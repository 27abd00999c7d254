using System.Net.Http.Json;
using System.Text.Json;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class InsightsTests(SharedApps apps)
{
    private const string Liuzhou = "450200000000";
    private const string TCity = "459000000000";
    private const string TCityVillage = "459021101201";

    private static async Task<JsonElement> SheetAsync(HttpClient client, string query) =>
        await HttpAssert.JsonAsync(await client.GetAsync("/api/v1/insights/kpis?" + query));

    private static double? Value(JsonElement sheet, string key) =>
        sheet.GetProperty(key).ValueKind == JsonValueKind.Null ? null : sheet.GetProperty(key).GetDouble();

    /// <summary>
    /// DESIGN.md's reference figures, counted from the demo's raw records on a fresh install: G village (seeds/002) is the
    /// only place with records in Liuzhou; the T-city-like demo city gives seeds/003's figures. The public sees the same.
    /// </summary>
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AFreshInstall_ShowsTheReferenceFigures_ComputedFromTheRecords(string db)
    {
        await using var app = new CoCareApp(db);
        using var admin = await app.ClientAsync("admin");
        var g = await SheetAsync(admin, "region=" + Liuzhou);
        Assert.Equal(306, Value(g, "elders60Plus"));
        Assert.Equal(10_328, Value(g, "servicePersonTimes"));
        Assert.Equal(7_928, Value(g, "meals"));
        Assert.Equal(0.9785, Value(g, "satisfactionRate"));

        using var tcity = await app.ClientAsync("tcity");
        var t = await SheetAsync(tcity, "region=" + TCity);
        Assert.Equal(156, Value(t, "facilities"));
        Assert.Equal(0.86, Value(t, "coverageUrban"));
        Assert.Equal(0.42, Value(t, "coverageRural"));
        Assert.Equal(0.89, Value(t, "satisfactionRate"));
        Assert.Equal(0.27, Value(t, "certifiedCaregiverRatioRural"));
        Assert.Equal(3.2, Value(t, "urbanRuralGap"));

        using var anonymous = app.CreateClient();
        var publicG = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/v1/public/kpis?region=" + Liuzhou));
        var publicT = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/v1/public/kpis?region=" + TCity));
        Assert.Equal(10_328, Value(publicG, "servicePersonTimes"));
        Assert.Equal(0.9785, Value(publicG, "satisfactionRate"));
        Assert.Equal(3.2, Value(publicT, "urbanRuralGap"));
        Assert.Equal(0.42, Value(publicT, "coverageRural"));

        // Each number drills into exactly the records it counts, and exports them all (CSV crosses the owners' read batches).
        foreach (var (client, region, code) in new[] { (admin, Liuzhou, "servicePersonTimes"), (admin, Liuzhou, "satisfactionRate"), (tcity, TCity, "facilities"),
                     (tcity, TCity, "coverageRural"), (tcity, TCity, "certifiedCaregiverRatioRural"), (admin, Liuzhou, "elders60Plus") })
        {
            var page = await HttpAssert.JsonAsync(await client.GetAsync($"/api/v1/insights/kpis/{code}/records?region={region}&pageSize=200"));
            var total = page.GetProperty("total").GetInt32();
            var sheet = code == "facilities" || code.StartsWith("coverage", StringComparison.Ordinal) || code.StartsWith("certified", StringComparison.Ordinal) ? t : g;
            switch (code)
            {
                case "servicePersonTimes" or "elders60Plus" or "facilities":
                    Assert.Equal(Value(sheet, code), total);
                    break;
                case "coverageRural":
                    Assert.Equal(200, total);
                    break;
                case "certifiedCaregiverRatioRural":
                    Assert.Equal(100, total);
                    break;
                default:
                    Assert.Equal(2_000, total);
                    break;
            }

            var csv = await client.GetAsync($"/api/v1/exports/insights/kpis/{code}/records?format=csv&region={region}");
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            var bytes = await csv.Content.ReadAsByteArrayAsync();
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("日期,区划,区划代码", lines[0], StringComparison.Ordinal);
            Assert.Equal(total, lines.Length - 1);
        }

        // Sums behind the ratios: 27 of the 100 rural care workers are certified; 84 of the 200 villages are covered.
        using var workers = await admin.GetAsync($"/api/v1/exports/insights/kpis/certifiedCaregiverRatioRural/records?format=xlsx&region={TCity}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workers.Content.Headers.ContentType?.MediaType);
        await using var workbook = new MemoryStream(await workers.Content.ReadAsByteArrayAsync());
        var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(100, rows.Count);
        Assert.Equal(27, rows.Count(r => (string?)r["计入方式"] == "持证"));
        Assert.All(rows, r => Assert.Matches("^护\\*{3}\\d$", (string)r["对象（脱敏）"]!));
        var villages = await HttpAssert.JsonAsync(await tcity.GetAsync($"/api/v1/insights/kpis/coverageRural/records?region={TCity}&pageSize=200"));
        Assert.Equal(84, villages.GetProperty("items").EnumerateArray().Count(v => v.GetProperty("counts").GetString() == "covered"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadRegionsAndPeriods_AreRefused_AndDrillDownsShowOnlyPermittedRows_Masked(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        using var village = await app.ClientAsync("village", "en");
        using var anonymous = app.CreateClient();

        var backwards = await HttpAssert.ProblemAsync(await purchaser.GetAsync("/api/v1/insights/kpis?region=450226000000&from=2026-03-01&to=2026-02-01"), 400);
        Assert.Contains("结束日期", backwards.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await anonymous.GetAsync("/api/v1/public/kpis?region=450226000000&from=2026-03-01&to=2026-02-01"), 400);
        await HttpAssert.ProblemAsync(await purchaser.GetAsync("/api/v1/insights/kpis?region=" + TCity), 404);
        await HttpAssert.ProblemAsync(await purchaser.GetAsync("/api/v1/insights/kpis?region=12345"), 404);
        await HttpAssert.ProblemAsync(await purchaser.GetAsync("/api/v1/insights/kpis?region=110000000000"), 404);
        await HttpAssert.ProblemAsync(await anonymous.GetAsync("/api/v1/public/kpis?region=110000000000"), 404);
        await HttpAssert.ProblemAsync(await anonymous.GetAsync("/api/v1/public/kpis"), 400);
        await HttpAssert.ProblemAsync(await purchaser.GetAsync("/api/v1/insights/kpis/noSuchKpi/records?region=450226000000"), 404);
        await HttpAssert.ProblemAsync(await purchaser.GetAsync($"/api/v1/exports/insights/kpis/elders60Plus/records?format=csv&region={TCity}"), 404);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/insights/kpis?region=" + Liuzhou)).StatusCode);

        // The village committee asks for the whole city: it gets its own village's part, rows and numbers alike, names masked.
        var sheet = await SheetAsync(village, "region=" + Liuzhou);
        Assert.Equal(ResidentsApiTests.GVillage, Assert.Single(sheet.GetProperty("regions").EnumerateArray()).GetString());
        var elders = await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/insights/kpis/elders60Plus/records?region={Liuzhou}&pageSize=500"));
        Assert.Equal(200, elders.GetProperty("pageSize").GetInt32());
        Assert.Equal(Value(sheet, "elders60Plus"), elders.GetProperty("total").GetInt32());
        var items = elders.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, e => Assert.Equal(ResidentsApiTests.GVillage, e.GetProperty("regionCode").GetString()));
        Assert.All(items, e => Assert.Contains("*", e.GetProperty("who").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain("示例", string.Join(",", items.Select(e => e.GetProperty("who").GetString())), StringComparison.Ordinal);
        var text = string.Join("|", items.Select(e => e.GetProperty("who").GetString() + "," + e.GetProperty("what").GetString() + "," + e.GetProperty("counts")));
        Assert.DoesNotMatch("\\d{17}[\\dX]", text);
        Assert.DoesNotMatch("1[3-9]\\d{9}", text);

        // Public: nothing that could point at a person. A T-city village has 4 ratings and at most one care worker: suppressed.
        var small = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/v1/public/kpis?region=" + TCityVillage));
        var suppressed = small.GetProperty("suppressed").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("satisfactionRate", suppressed);
        Assert.Equal(JsonValueKind.Null, small.GetProperty("satisfactionRate").ValueKind);
        Assert.Equal(8, Value(small, "elders60Plus"));
        Assert.Equal(1, Value(small, "facilities"));
    }

    /// <summary>The per-village day counts the KPIs read are kept by database triggers: they match the rows after inserts, updates and deletes.</summary>
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheDayCounts_AgreeWithTheRecords_AfterInsertsUpdatesAndDeletes(string db)
    {
        var app = await apps.GetAsync(db);
        await app.WithDbAsync(async d =>
        {
            await AssertAgreeAsync(d);
            await using var transaction = await d.Database.BeginTransactionAsync();
            var order = await d.Set<ServiceOrder>().Where(o => o.Status == OrderStatus.Completed && o.ServiceTypeCode != "Meals").OrderBy(o => o.Id).FirstAsync();
            var meal = await d.Set<MealCheckIn>().OrderBy(c => c.Id).FirstAsync();
            // Move a completed order to another day and make it a meal delivery; delete a check-in; reopen another order.
            await d.Set<ServiceOrder>().Where(o => o.Id == order.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.CompletedAt, o => o.CompletedAt!.Value.AddDays(-3)).SetProperty(o => o.ServiceTypeCode, "Meals"));
            await d.Set<MealCheckIn>().Where(c => c.Id == meal.Id).ExecuteDeleteAsync();
            var other = await d.Set<ServiceOrder>().Where(o => o.Status == OrderStatus.Completed && o.Id != order.Id).OrderBy(o => o.Id).FirstAsync();
            await d.Set<ServiceOrder>().Where(o => o.Id == other.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OrderStatus.InProgress));
            await AssertAgreeAsync(d);
            await d.Set<ServiceOrder>().Where(o => o.Id == other.Id).ExecuteDeleteAsync();
            await AssertAgreeAsync(d);
            await transaction.RollbackAsync();
            await AssertAgreeAsync(d);
            return true;
        });
    }

    private static async Task AssertAgreeAsync(CoCare.Data.AppDbContext d)
    {
        var orders = await d.Set<ServiceOrder>().AsNoTracking().Where(o => o.Status == OrderStatus.Completed && o.CompletedAt != null)
            .Select(o => new { o.VillageCode, o.CompletedAt, o.ServiceTypeCode }).ToListAsync();
        var meals = await d.Set<MealCheckIn>().AsNoTracking().GroupBy(c => new { c.VillageCode, c.Day }).Select(g => new { g.Key.VillageCode, g.Key.Day, Count = g.LongCount() }).ToListAsync();
        var expected = orders.GroupBy(o => (o.VillageCode, CoCare.Kernel.ChinaTime.Day(o.CompletedAt!.Value), o.ServiceTypeCode == "Meals" ? ServiceDayCount.MealOrder : ServiceDayCount.Order))
            .Select(g => (Key: g.Key, Count: g.LongCount()))
            .Concat(meals.Select(m => (Key: (m.VillageCode, m.Day, ServiceDayCount.Meal), m.Count)))
            .ToDictionary(x => x.Key, x => x.Count);
        var kept = (await d.Set<ServiceDayCount>().AsNoTracking().Where(c => c.Count != 0).ToListAsync()).ToDictionary(c => (c.VillageCode, c.Day, c.Kind), c => c.Count);
        Assert.Equal(expected.OrderBy(e => e.Key.ToString()), kept.OrderBy(e => e.Key.ToString()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ThePublicPortal_ShowsSignedContracts_AndAnswers404ForADraftOrUnknownOne(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        var (projectId, provider, _) = await ProcurementScenario.ContractedAsync(app, purchaser);
        provider.Dispose();
        var draft = await app.WithDbAsync(d => d.Set<CoCare.Procurement.Domain.Contract>().Where(c => c.ProjectId == projectId).Select(c => new { c.Id, c.Status }).SingleAsync());
        Assert.Equal(CoCare.Procurement.Domain.ContractStatus.Draft, draft.Status);
        var demo = await app.WithDbAsync(d => d.Set<CoCare.Procurement.Domain.Contract>().Where(c => c.Title.StartsWith("G村鼓楼食堂")).Select(c => c.Id).FirstAsync());

        using var anonymous = app.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/transparency/contracts/{draft.Id}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/transparency/contracts/{Guid.NewGuid()}")).StatusCode);
        var page = await anonymous.GetStringAsync($"/public/transparency/contracts/{demo}");
        Assert.Contains("G村鼓楼食堂", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var portal = System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync("/public/transparency?region=450200000000"));
        Assert.Contains("G村鼓楼食堂", portal, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Id.ToString(), portal, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ACareWorker_CountsInTheCertifiedRatio_OfTheRegionTheyWorkIn(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var organizations = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/directory/organizations?pageSize=100&q=" + Uri.EscapeDataString("颐康")));
        var provider = organizations.GetProperty("items")[0].GetProperty("id").GetGuid();
        const string village = "459021104250";
        var before = await SheetAsync(admin, "region=" + village);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("certifiedCaregiverRatioRural").ValueKind);

        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/directory/people",
            new { name = "无证书人员", organizationId = provider, position = "厨师", careWorker = false, caregiverCertificate = "X1" }), 400);
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/directory/people",
            new { name = "护理员", organizationId = provider, careWorker = true, workRegionCode = "459021104299" }), 400);
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/directory/people",
            new { name = "护理员", organizationId = provider, careWorker = true, caregiverCertificate = new string('9', 51), workRegionCode = village }), 400);

        await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/people",
            new { name = "新护理员甲 " + db, organizationId = provider, position = "养老护理员", careWorker = true, caregiverCertificate = "YLHL-2026-1", workRegionCode = village }), 201);
        await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/people",
            new { name = "新护理员乙 " + db, organizationId = provider, position = "养老护理员", careWorker = true, workRegionCode = village }), 201);
        var after = await SheetAsync(admin, "region=" + village);
        Assert.Equal(0.5, Value(after, "certifiedCaregiverRatioRural"));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("certifiedCaregiverRatioUrban").ValueKind);
    }
}
