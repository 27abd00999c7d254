using System.Net.Http.Json;
using System.Text.Json;

namespace CoCare.IntegrationTests;

/// <summary>Builds procurement situations through the API, as the purchaser and providers would.</summary>
public static class ProcurementScenario
{
    public const string County = "450226000000";
    public const string GVillage = "450226104201";

    public static async Task<Guid> OrganizationIdAsync(CoCareApp app, string name)
    {
        using var admin = await app.ClientAsync("admin");
        var page = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/directory/organizations?pageSize=100&q=" + Uri.EscapeDataString(name)));
        return page.GetProperty("items").EnumerateArray().First(o => o.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> BureauAsync(CoCareApp app) => await OrganizationIdAsync(app, "三江侗族自治县民政局");

    /// <summary>A new social organization with a Provider account; returns a client signed in as it.</summary>
    public static async Task<(HttpClient Client, Guid OrganizationId)> NewProviderAsync(CoCareApp app, string language = "zh-CN")
    {
        using var admin = await app.ClientAsync("admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organization = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/organizations", new { name = "测试社工站" + suffix, type = "SocialOrganization", regionCode = County }), 201);
        var account = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/accounts", new { userName = "sw" + suffix, displayName = "社工" + suffix, password = "Provider#2026" }), 201);
        await HttpAssert.JsonAsync(await admin.PostAsJsonAsync($"/api/v1/directory/accounts/{account.GetProperty("id").GetString()}/memberships", new { organizationId = organization.GetProperty("id").GetGuid(), role = "Provider" }), 201);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("sw" + suffix, "Provider#2026"));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return (client, organization.GetProperty("id").GetGuid());
    }

    public static object Project(Guid purchaser, DateOnly start, string? title = null, long budgetFen = 20_000_000, object? phases = null, object? kpis = null, object? items = null, DateOnly? end = null, bool recurring = false) => new
    {
        title = title ?? "测试项目" + Guid.NewGuid().ToString("N")[..6],
        purchaserOrganizationId = purchaser,
        regionCodes = new[] { GVillage },
        budgetFen,
        fundingSource = "County",
        startDate = start,
        endDate = end ?? start.AddMonths(11),
        recurringWithAssuredBudget = recurring,
        items = items ?? new[] { new { serviceType = "Meals", category = "Service", unit = "份", quantity = 5000, unitPriceFen = 1500 } },
        kpiTargets = kpis ?? new object[] { new { kpi = "meals", comparison = "AtLeast", target = 5000 }, new { kpi = "satisfactionRate", comparison = "AtLeast", target = 0.9 } },
        phases = phases ?? new object[]
        {
            new { name = "签约后", shareBasisPoints = 4000, trigger = "OnSigning" },
            new { name = "终期评估后", shareBasisPoints = 6000, trigger = "AfterEvaluation", evaluationNumber = 1, fullShareAtScore = 80, zeroBelowScore = 60 },
        },
        evaluations = new[] { new { kind = "Final", name = "终期评估", dueDate = start.AddMonths(10) } },
        reviewCriteria = new[] { new { name = "方案", weightPercent = 60 }, new { name = "团队", weightPercent = 40 } },
    };

    public static DateOnly Today(CoCareApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A project with a published call whose deadline is half an hour away (tokens last an hour, so tests can pass it).</summary>
    public static async Task<Guid> OpenCallAsync(CoCareApp app, HttpClient purchaser)
    {
        var project = await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync("/api/v1/procurement/projects", Project(await BureauAsync(app), Today(app).AddDays(30))), 201);
        var id = project.GetProperty("id").GetGuid();
        await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync($"/api/v1/procurement/projects/{id}/call",
            new { description = "征集农村助餐服务", deadline = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(30) }));
        return id;
    }

    /// <summary>A project awarded to a new provider with a draft contract; returns the project and the provider (signed in).</summary>
    public static async Task<(Guid ProjectId, HttpClient Provider, Guid ProviderOrganizationId)> ContractedAsync(CoCareApp app, HttpClient purchaser)
    {
        var projectId = await OpenCallAsync(app, purchaser);
        var (provider, organization) = await NewProviderAsync(app);
        var application = Id(await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/procurement/projects/{projectId}/applications", Proposal()), 201));
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync($"/api/v1/procurement/applications/{application}/scores", new { scores = new[] { 90, 80 } }));
        await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync($"/api/v1/procurement/projects/{projectId}/award", new { applicationId = application, reason = "评分第一" }));
        await HttpAssert.JsonAsync(await purchaser.PostAsync($"/api/v1/procurement/projects/{projectId}/contract", null), 201);
        return (projectId, provider, organization);
    }

    public static object Proposal(long amountFen = 19_000_000) => new
    {
        approach = "依托鼓楼设助餐点，社工与村委联合入户。",
        team = "社工 3 名",
        budgetLines = new[] { new { item = "助餐", amountFen } },
    };

    public static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();
}
