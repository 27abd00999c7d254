using System.Net.Http.Json;
using System.Text.Json;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class NetworkTests(SharedApps apps)
{
    private const string GVillage = ResidentsApiTests.GVillage;

    private static async Task<Guid> OrganizationAsync(HttpClient client, string name)
    {
        var list = await HttpAssert.JsonAsync(await client.GetAsync("/api/v1/directory/organizations?pageSize=100&q=" + Uri.EscapeDataString(name)));
        return list.GetProperty("items").EnumerateArray().First(o => o.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheDemoProject_ShowsItsLeverage_FromTheContributionsBehindIt(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        var project = await VolunteerShiftTests.ProjectAsync(app);

        var leverage = await HttpAssert.JsonAsync(await purchaser.GetAsync($"/api/v1/network/leverage?projectId={project}"));
        var contributions = await HttpAssert.JsonAsync(await purchaser.GetAsync($"/api/v1/network/contributions?projectId={project}&pageSize=100"));
        var items = contributions.GetProperty("items").EnumerateArray().ToList();
        var government = items.Where(c => c.GetProperty("governmentFunds").GetBoolean()).Sum(c => c.GetProperty("valueFen").GetInt64());
        var others = items.Where(c => !c.GetProperty("governmentFunds").GetBoolean()).Sum(c => c.GetProperty("valueFen").GetInt64());
        Assert.Equal((government, others), (leverage.GetProperty("governmentFen").GetInt64(), leverage.GetProperty("nonGovernmentFen").GetInt64()));
        Assert.Equal(Math.Round((double)others / government, 4), leverage.GetProperty("ratio").GetDouble());
        Assert.Equal(42_000_000, government);

        // 换工 labour is valued by hours × wage, computed, not typed.
        var labour = items.Single(c => c.GetProperty("contributorName").GetString() == "G村村民（换工）");
        Assert.Equal((1260m, 1_500L, 1_890_000L), (labour.GetProperty("hours").GetDecimal(), labour.GetProperty("hourlyWageFen").GetInt64(), labour.GetProperty("valueFen").GetInt64()));

        var spaces = await HttpAssert.JsonAsync(await purchaser.GetAsync($"/api/v1/network/spaces?region={GVillage}"));
        Assert.Equal(11, spaces.GetArrayLength());
        Assert.Single(spaces.EnumerateArray(), s => s.GetProperty("state").GetString() == "InUse");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AContribution_WithANegativeOrMissingValue_IsRefused_AndChangesNothing(string db)
    {
        var app = await apps.GetAsync(db);
        using var village = await app.ClientAsync("village");
        var project = await VolunteerShiftTests.ProjectAsync(app);
        var before = await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/network/leverage?projectId={project}"));
        object Body(string kind, string? source, string method, long? valueFen, decimal? hours = null, long? wage = null) => new
        {
            regionCode = GVillage,
            projectId = project,
            kind,
            source,
            contributorName = "测试村民",
            on = "2025-01-10",
            description = "测试",
            method,
            valueFen,
            hours,
            hourlyWageFen = wage,
        };

        var negative = await HttpAssert.ProblemAsync(await village.PostAsJsonAsync("/api/v1/network/contributions", Body("InKind", null, "MarketPrice", -500)), 400);
        Assert.True(negative.GetProperty("errors").TryGetProperty("valueFen", out _));
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync("/api/v1/network/contributions", Body("Labour", null, "HoursTimesWage", null, -3, 1500)), 400);
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync("/api/v1/network/contributions", Body("Labour", null, "HoursTimesWage", null, 10, null)), 400);
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync("/api/v1/network/contributions", Body("Money", null, "Cash", 10_000)), 400);
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync("/api/v1/network/contributions", Body("InKind", "Donation", "MarketPrice", 10_000)), 400);
        Assert.Equal(before.GetProperty("nonGovernmentFen").GetInt64(),
            (await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/network/leverage?projectId={project}"))).GetProperty("nonGovernmentFen").GetInt64());

        var added = await HttpAssert.JsonAsync(await village.PostAsJsonAsync("/api/v1/network/contributions", Body("Labour", null, "HoursTimesWage", null, 12.5m, 1600)), 201);
        Assert.Equal(20_000, added.GetProperty("valueFen").GetInt64());
        var after = await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/network/leverage?projectId={project}"));
        Assert.Equal(before.GetProperty("nonGovernmentFen").GetInt64() + 20_000, after.GetProperty("nonGovernmentFen").GetInt64());

        using var volunteer = await app.ClientAsync("volunteer");
        await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync("/api/v1/network/contributions", Body("InKind", null, "MarketPrice", 500)), 403);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheResponsibilityList_ShowsOverdueTasks_PerOrganization_AndDoneNeedsEvidence(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var project = await VolunteerShiftTests.ProjectAsync(app);
        var committee = await OrganizationAsync(provider, "G村村民委员会");
        var association = await OrganizationAsync(provider, "G村老人协会");

        var overdue = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/network/tasks?projectId={project}&overdue=true"));
        var late = Assert.Single(overdue.GetProperty("items").EnumerateArray());
        Assert.Equal(("2 号鼓楼老年活动室改造", "G村村民委员会", true), (late.GetProperty("title").GetString(), late.GetProperty("responsibleOrganization").GetString(), late.GetProperty("overdue").GetBoolean()));

        var due = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-3);
        var task = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/network/tasks", new
        {
            projectId = project,
            regionCode = GVillage,
            title = "测试：食堂消防检查 " + db,
            responsibleOrganizationId = association,
            responsiblePerson = "会长",
            supportingOrganizationIds = new[] { committee },
            dueOn = due,
        }), 201);
        var whoDoesWhat = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/network/tasks?organizationId={committee}&overdue=true&pageSize=100"));
        Assert.Contains(whoDoesWhat.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == task.GetProperty("id").GetGuid());

        var noEvidence = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/network/tasks/{task.GetProperty("id").GetGuid()}/report",
            new { status = "Done", evidence = "", version = task.GetProperty("version").GetInt64() }), 400);
        Assert.True(noEvidence.GetProperty("errors").TryGetProperty("evidence", out _));
        var done = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/network/tasks/{task.GetProperty("id").GetGuid()}/report",
            new { status = "Done", evidence = "消防检查记录", version = task.GetProperty("version").GetInt64() }));
        Assert.False(done.GetProperty("overdue").GetBoolean());

        var interaction = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/network/interactions",
            new { regionCode = GVillage, kind = "JointVisit", on = "2025-02-01", organizationIds = new[] { committee }, note = "只有一方" }), 400);
        Assert.True(interaction.GetProperty("errors").TryGetProperty("organizationIds", out _));
        var interactions = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/network/interactions?organizationId={association}"));
        Assert.True(interactions.GetProperty("total").GetInt32() >= 4);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheResponsibilityList_IsGeneratedFromTheContract_Once_AndTheProviderEditsIt(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        // The project starts 30 days after the day it is created (read before ContractedAsync moves the clock on past the call's deadline).
        var start = ProcurementScenario.Today(app).AddDays(30);
        var (project, provider, providerOrg) = await ProcurementScenario.ContractedAsync(app, purchaser);
        using var providerClient = provider;

        // Only the parties to the contract may generate it.
        using var village = await app.ClientAsync("village");
        await HttpAssert.ProblemAsync(await village.PostAsync($"/api/v1/network/projects/{project}/tasks/from-contract", null), 403);

        var generated = await HttpAssert.JsonAsync(await provider.PostAsync($"/api/v1/network/projects/{project}/tasks/from-contract", null));
        var added = generated.GetProperty("added").EnumerateArray().ToList();
        Assert.Equal(4, added.Count); // one service item, two KPI targets, one evaluation
        Assert.All(added, t => Assert.Equal(providerOrg, t.GetProperty("responsibleOrganizationId").GetGuid()));
        Assert.All(added, t => Assert.Equal("三江侗族自治县民政局", Assert.Single(t.GetProperty("supporting").EnumerateArray()).GetString()));
        var meals = added.Single(t => t.GetProperty("title").GetString()!.Contains("Meals", StringComparison.Ordinal));
        Assert.Contains("5000 份", meals.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(start.AddMonths(11), DateOnly.Parse(meals.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var evaluation = added.Single(t => t.GetProperty("title").GetString()!.Contains("终期评估", StringComparison.Ordinal));
        Assert.Equal(start.AddMonths(10), DateOnly.Parse(evaluation.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        // The provider edits a generated task; generating again keeps the edit and adds nothing.
        var edited = await HttpAssert.JsonAsync(await provider.PutAsJsonAsync($"/api/v1/network/tasks/{meals.GetProperty("id").GetGuid()}", new
        {
            projectId = project,
            regionCode = ProcurementScenario.GVillage,
            title = "全年助餐 5000 份（鼓楼食堂堂食与送餐）",
            responsibleOrganizationId = providerOrg,
            responsiblePerson = "项目主管",
            supportingOrganizationIds = Array.Empty<Guid>(),
            dueOn = start.AddMonths(11),
            version = meals.GetProperty("version").GetInt64(),
        }));
        Assert.Equal("项目主管", edited.GetProperty("responsiblePerson").GetString());
        var again = await HttpAssert.JsonAsync(await purchaser.PostAsync($"/api/v1/network/projects/{project}/tasks/from-contract", null));
        Assert.Equal((0, 4), (again.GetProperty("added").GetArrayLength(), again.GetProperty("alreadyListed").GetInt32()));
        var list = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/network/tasks?projectId={project}&pageSize=100"));
        Assert.Equal(4, list.GetProperty("total").GetInt32());
        Assert.Contains(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("title").GetString() == "全年助餐 5000 份（鼓楼食堂堂食与送餐）");

        // No contract yet: nothing to generate from; an unknown project: 404.
        var open = await ProcurementScenario.OpenCallAsync(app, purchaser);
        var none = await HttpAssert.ProblemAsync(await purchaser.PostAsync($"/api/v1/network/projects/{open}/tasks/from-contract", null), 409);
        Assert.Contains("合同", none.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await purchaser.PostAsync($"/api/v1/network/projects/{Guid.NewGuid()}/tasks/from-contract", null), 404);

        // A task must name a real project and a region the project serves.
        object NewTask(Guid projectId, string region) => new
        {
            projectId,
            regionCode = region,
            title = "测试任务",
            responsibleOrganizationId = providerOrg,
            dueOn = start,
        };
        var unknown = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/network/tasks", NewTask(Guid.NewGuid(), ProcurementScenario.GVillage)), 400);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("projectId", out _));
        var outside = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/network/tasks", NewTask(project, ProcurementScenario.County)), 400);
        Assert.True(outside.GetProperty("errors").TryGetProperty("regionCode", out _));
        Assert.Equal(4, (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/network/tasks?projectId={project}"))).GetProperty("total").GetInt32());
    }
}
