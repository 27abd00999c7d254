using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class CatalogueTests(SharedApps apps)
{
    private static async Task<Guid> ElderAsync(HttpClient provider, int age, params string[] categories) => (await CanteenTests.ElderAsync(provider, age, categories)).Id;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheCatalogue_ListsTheSixHelpsFirst_InTheCallersLanguage(string db)
    {
        var app = await apps.GetAsync(db);
        using var volunteer = await app.ClientAsync("volunteer");
        var zh = await HttpAssert.JsonAsync(await volunteer.GetAsync("/api/v1/services/catalogue"));
        var items = zh.EnumerateArray().ToList();
        Assert.True(items.Count >= 10);
        Assert.All(items.Take(6), t => Assert.True(t.GetProperty("isSixHelps").GetBoolean()));
        Assert.Contains(items, t => t.GetProperty("code").GetString() == "Meals" && t.GetProperty("name").GetString() == "助餐" && t.GetProperty("listPriceFen").GetInt64() == 1000);
        using var english = await app.ClientAsync("purchaser", "en");
        var en = await HttpAssert.JsonAsync(await english.GetAsync("/api/v1/services/catalogue"));
        Assert.Contains(en.EnumerateArray(), t => t.GetProperty("code").GetString() == "Meals" && t.GetProperty("name").GetString() == "Meals");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AMealIsPriced_ByTheElder_FreeForSubsistenceAllowance_FiveOffFromEighty_FullOtherwise(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var poor = await ElderAsync(provider, 70, "SubsistenceAllowance");
        var old = await ElderAsync(provider, 84);
        var other = await ElderAsync(provider, 66);

        async Task<JsonElement> Quote(Guid elder) => (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/services/catalogue/Meals/quote?elder={elder}"))).GetProperty("price");
        var free = await Quote(poor);
        Assert.Equal((1000, 0), (free.GetProperty("listPriceFen").GetInt64(), free.GetProperty("paidFen").GetInt64()));
        Assert.Equal("低保老人助餐免费", free.GetProperty("subsidies")[0].GetProperty("name").GetString());
        Assert.Equal(500, (await Quote(old)).GetProperty("paidFen").GetInt64());
        var full = await Quote(other);
        Assert.Equal((1000, 0), (full.GetProperty("paidFen").GetInt64(), full.GetProperty("subsidies").GetArrayLength()));

        await HttpAssert.ProblemAsync(await provider.GetAsync($"/api/v1/services/catalogue/Meals/quote?elder={Guid.NewGuid()}"), 404);
        await HttpAssert.ProblemAsync(await provider.GetAsync($"/api/v1/services/catalogue/Nothing/quote?elder={other}"), 404);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SubsidyRules_AreData_AndMayNotOverlapForTheSameServiceAndCondition(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        var code = "Test" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6).ToArray());
        var unknownSkill = await HttpAssert.ProblemAsync(await purchaser.PutAsJsonAsync($"/api/v1/services/catalogue/{code}",
            new { nameZh = "测试服务", nameEn = "Test service", isSixHelps = false, unit = "Visit", standardMinutes = 60, minimumMinutes = 30, listPriceFen = 2000, volunteerSkill = "Juggling" }), 400);
        Assert.True(unknownSkill.GetProperty("errors").TryGetProperty("volunteerSkill", out _));
        var saved = await HttpAssert.JsonAsync(await purchaser.PutAsJsonAsync($"/api/v1/services/catalogue/{code}",
            new { nameZh = "测试服务", nameEn = "Test service", isSixHelps = false, unit = "Visit", standardMinutes = 60, minimumMinutes = 30, listPriceFen = 2000, volunteerSkill = "Companionship" }));
        Assert.Equal("Companionship", saved.GetProperty("volunteerSkill").GetString());

        object Rule(string from, string? to, int off) => new
        {
            serviceTypeCode = code,
            name = "80岁以上减" + off,
            minimumAge = 80,
            kind = "AmountOff",
            amountOffFen = off * 100,
            oncePerDay = false,
            validFrom = from,
            validTo = to,
        };
        await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync("/api/v1/services/subsidy-rules", Rule("2026-01-01", "2026-06-30", 5)), 201);
        var clash = await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync("/api/v1/services/subsidy-rules", Rule("2026-06-01", null, 6)), 409);
        Assert.Contains("80岁以上减5", clash.GetProperty("detail").GetString() ?? clash.GetProperty("title").GetString(), StringComparison.Ordinal);
        await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync("/api/v1/services/subsidy-rules", Rule("2026-07-01", null, 6)), 201);

        var valid = await HttpAssert.JsonAsync(await purchaser.GetAsync($"/api/v1/services/subsidy-rules?serviceType={code}&validOn=2026-08-01"));
        Assert.Equal("80岁以上减6", Assert.Single(valid.EnumerateArray()).GetProperty("name").GetString());

        await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync("/api/v1/services/subsidy-rules", new
        {
            serviceTypeCode = code,
            name = "倒序",
            minimumAge = 70,
            kind = "AmountOff",
            amountOffFen = 100,
            oncePerDay = false,
            validFrom = "2026-07-01",
            validTo = "2026-01-01",
        }), 400);
        await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync("/api/v1/services/subsidy-rules", new
        {
            serviceTypeCode = "NoSuchService",
            name = "x",
            kind = "Free",
            oncePerDay = true,
            validFrom = "2026-01-01",
        }), 400);
        using var provider = await app.ClientAsync("provider");
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/services/subsidy-rules", Rule("2030-01-01", null, 1)), 403);
    }
}
