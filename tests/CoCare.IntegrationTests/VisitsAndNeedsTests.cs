using System.Net.Http.Json;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class VisitsAndNeedsTests(SharedApps apps)
{
    private static async Task<Guid[]> TwoEldersAsync(HttpClient client)
    {
        var page = await HttpAssert.JsonAsync(await client.GetAsync("/api/v1/residents/elders?pageSize=2&sort=birthDate"));
        return [.. page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid())];
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AVisit_RecordsTheNeedsFoundAndLinksThemBack(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var elders = await TwoEldersAsync(provider);
        var today = ProcurementScenario.Today(app);
        var visit = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/visits", new
        {
            date = today,
            durationMinutes = 45,
            participants = new[] { new { name = "杨社工", role = "社工" }, new { name = "吴委员", role = "村委" } },
            elderIds = elders,
            observations = "老人独居，行动不便，冰箱里缺菜。",
            followUpDate = today.AddDays(7),
            needs = new object[]
            {
                new { elderId = elders[0], category = "MedicineDelivery", detail = "每周送降压药", urgency = "High" },
                new { elderId = elders[1], category = "DietMenu", detail = "希望食堂菜谱少盐少油" },
            },
        }), 201);
        Assert.Equal(2, visit.GetProperty("needIds").GetArrayLength());

        var needs = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders/{elders[0]}/needs"));
        var need = needs.GetProperty("items").EnumerateArray().First(n => n.GetProperty("detail").GetString() == "每周送降压药");
        Assert.Equal(visit.GetProperty("id").GetGuid(), need.GetProperty("homeVisitId").GetGuid());
        Assert.Equal(("HomeVisit", "Open"), (need.GetProperty("source").GetString(), need.GetProperty("status").GetString()));

        var id = need.GetProperty("id").GetGuid();
        await HttpAssert.ProblemAsync(await provider.PostAsync($"/api/v1/residents/needs/{id}/met", null), 409);
        await HttpAssert.JsonAsync(await provider.PostAsync($"/api/v1/residents/needs/{id}/plan", null));
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/residents/needs/{id}/close-unmet", new { reason = "" }), 400);
        var closed = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/residents/needs/{id}/close-unmet", new { reason = "家属已每周送药" }));
        Assert.Equal("ClosedUnmet", closed.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task VisitsWithBadInput_AreRefused_AndNeedsOnlyForEldersSeen(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var elders = await TwoEldersAsync(provider);
        var today = ProcurementScenario.Today(app);
        var problem = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/residents/visits", new
        {
            date = today,
            durationMinutes = 0,
            participants = Array.Empty<object>(),
            elderIds = new[] { elders[0] },
            needs = new[] { new { elderId = elders[1], category = "Meals", detail = "送餐" } },
        }), 400);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("durationMinutes", out _));
        Assert.True(errors.TryGetProperty("participants", out _));
        Assert.True(errors.TryGetProperty("needs[0]", out _));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ANeedForAnElderOutsideTheCallersRegions_Is404(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var code = "4502261043" + Random.Shared.Next(10, 99);
        await admin.PostAsJsonAsync("/api/v1/directory/regions", new { code, name = "邻村" + code[^2..], kind = "Rural" });
        var birth = new DateOnly(1946, 6, 6);
        var first17 = $"450226{birth:yyyyMMdd}{Random.Shared.Next(100, 499) * 2:000}";
        var elder = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/residents/elders", new
        {
            name = "邻村老人",
            gender = "Female",
            birthDate = birth,
            idNumber = first17 + CoCare.Kernel.ResidentIdNumber.CheckCharacter(first17),
            villageCode = code,
            livingSituation = "WithSpouse",
            consentToBasicData = true,
            consentToHealthData = false,
        }), 201);

        using var village = await app.ClientAsync("village");
        var response = await village.PostAsJsonAsync($"/api/v1/residents/elders/{elder.GetProperty("id").GetGuid()}/needs", new { category = "Meals", detail = "送餐", urgency = "Normal", source = "Phone" });
        await HttpAssert.ProblemAsync(response, 404);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FollowUpsPastTheirDate_AreListedUntilDone(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var elders = await TwoEldersAsync(provider);
        var today = ProcurementScenario.Today(app);
        var visit = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/visits", new
        {
            date = today.AddDays(-10),
            durationMinutes = 30,
            participants = new[] { new { name = "杨社工", role = "社工" } },
            elderIds = new[] { elders[0] },
            observations = "需回访",
            followUpDate = today.AddDays(-3),
        }), 201);
        var id = visit.GetProperty("id").GetGuid();
        var overdue = await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/residents/visits/overdue-follow-ups"));
        Assert.Contains(overdue.EnumerateArray(), v => v.GetProperty("id").GetGuid() == id);
        await HttpAssert.JsonAsync(await provider.PostAsync($"/api/v1/residents/visits/{id}/followed-up", null));
        overdue = await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/residents/visits/overdue-follow-ups"));
        Assert.DoesNotContain(overdue.EnumerateArray(), v => v.GetProperty("id").GetGuid() == id);
    }
}
