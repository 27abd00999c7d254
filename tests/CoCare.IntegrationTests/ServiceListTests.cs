using System.Net.Http.Json;
using System.Text.Json;
using CoCare.Kernel;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class ServiceListTests(SharedApps apps)
{
    private const string GVillage = "450226104201";

    private static async Task<Guid[]> NewNeedsAsync(HttpClient provider, int count, string category = "Meals")
    {
        var page = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders?pageSize={count}&village={GVillage}&sort=name&desc=true"));
        var ids = new List<Guid>();
        foreach (var elder in page.GetProperty("items").EnumerateArray())
        {
            var need = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/residents/elders/{elder.GetProperty("id").GetGuid()}/needs",
                new { category, detail = "午餐送到家", urgency = "Normal", source = "Phone" }), 201);
            ids.Add(need.GetProperty("id").GetGuid());
        }

        return [.. ids];
    }

    private static object Item(Guid[] needIds, Guid? issue = null, long version = 0) => new
    {
        serviceType = "Meals",
        title = "助餐送餐到户",
        timesPerPeriod = 5,
        period = "Week",
        needIds,
        collectiveIssueId = issue,
        version,
    };

    private static async Task<string> NeedStatusAsync(HttpClient client, Guid needId) =>
        (await HttpAssert.JsonAsync(await client.GetAsync($"/api/v1/residents/needs/{needId}"))).GetProperty("status").GetString()!;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheProviderProposes_TheVillageCommitteeApproves_AndTheNeedsArePlanned(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        using var village = await app.ClientAsync("village");
        var needs = await NewNeedsAsync(provider, 2);

        var item = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/service-list", Item(needs)), 201);
        Assert.Equal("Proposed", item.GetProperty("status").GetString());
        Assert.Equal(GVillage, item.GetProperty("villageCode").GetString());
        Assert.Equal(2, item.GetProperty("elderNames").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("responsibleOrganization").GetString()));
        var id = item.GetProperty("id").GetGuid();

        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/residents/service-list/{id}/approve", new { note = "" }), 403);
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/residents/service-list/{id}/return", new { note = " " }), 400);
        var approved = await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/residents/service-list/{id}/approve", new { note = "同意，先试行一个月" }));
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal("village", approved.GetProperty("reviewedBy").GetString());
        foreach (var need in needs)
        {
            Assert.Equal("Planned", await NeedStatusAsync(provider, need));
        }

        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/residents/service-list/{id}/approve", new { note = "" }), 409);
        await HttpAssert.ProblemAsync(await provider.PutAsJsonAsync($"/api/v1/residents/service-list/{id}", Item(needs, version: approved.GetProperty("version").GetInt64())), 409);

        var list = await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/residents/service-list?status=Approved&q=" + Uri.EscapeDataString("助餐")));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AReturnedItem_CarriesTheReason_AndCanBeRevisedAndProposedAgain(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        using var village = await app.ClientAsync("village");
        var needs = await NewNeedsAsync(provider, 1, "Cleaning");
        var item = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/service-list", Item(needs)), 201);
        var id = item.GetProperty("id").GetGuid();

        var returned = await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/residents/service-list/{id}/return", new { note = "频次太高，每周两次即可" }));
        Assert.Equal(("Returned", "频次太高，每周两次即可"), (returned.GetProperty("status").GetString(), returned.GetProperty("reviewNote").GetString()));

        var revised = await HttpAssert.JsonAsync(await provider.PutAsJsonAsync($"/api/v1/residents/service-list/{id}",
            new { serviceType = "Cleaning", title = "助洁上门", timesPerPeriod = 2, period = "Week", needIds = needs, version = returned.GetProperty("version").GetInt64() }));
        Assert.Equal(("Proposed", 2), (revised.GetProperty("status").GetString(), revised.GetProperty("timesPerPeriod").GetInt32()));
        await HttpAssert.ProblemAsync(await provider.PutAsJsonAsync($"/api/v1/residents/service-list/{id}",
            new { serviceType = "Cleaning", title = "助洁上门", timesPerPeriod = 2, period = "Week", needIds = needs, version = 0 }), 409);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ACollectiveIssue_BecomesOneServiceListItem_ServingEveryElderBehindIt(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        using var association = await app.ClientAsync("association");
        var needs = await NewNeedsAsync(provider, 3, "DietMenu");
        var issue = await HttpAssert.JsonAsync(await association.PostAsJsonAsync("/api/v1/residents/collective-issues", new { title = "菜谱少盐少油", needIds = needs, supporters = new[] { "石奶奶" } }), 201);
        await HttpAssert.JsonAsync(await association.PostAsync($"/api/v1/residents/collective-issues/{issue.GetProperty("id").GetGuid()}/route-to-service-list", null));

        var item = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/service-list",
            new { serviceType = "DietMenu", title = "食堂每周一次低盐菜谱", timesPerPeriod = 1, period = "Week", collectiveIssueId = issue.GetProperty("id").GetGuid() }), 201);
        Assert.Equal(3, item.GetProperty("needIds").GetArrayLength());
        Assert.Equal(3, item.GetProperty("elderIds").GetArrayLength());
    }

    public static TheoryData<string, string, int> BadItems()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var db in Databases.All)
        {
            data.Add(db, "no needs", 400);
            data.Add(db, "unknown need", 404);
            data.Add(db, "closed need", 400);
            data.Add(db, "no title", 400);
            data.Add(db, "frequency 0", 400);
            data.Add(db, "association proposes", 403);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task BadItems_AreRefused(string db, string what, int status)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var needs = await NewNeedsAsync(provider, 1);
        if (what == "closed need")
        {
            await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/residents/needs/{needs[0]}/close-unmet", new { reason = "已搬走" }));
        }

        object body = what switch
        {
            "no needs" => Item([]),
            "unknown need" => Item([Guid.NewGuid()]),
            "no title" => new { serviceType = "Meals", title = "", timesPerPeriod = 5, period = "Week", needIds = needs },
            "frequency 0" => new { serviceType = "Meals", title = "助餐", timesPerPeriod = 0, period = "Week", needIds = needs },
            _ => Item(needs),
        };
        using var client = what == "association proposes" ? await app.ClientAsync("association") : null;
        await HttpAssert.ProblemAsync(await (client ?? provider).PostAsJsonAsync("/api/v1/residents/service-list", body), status);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheMatchRate_CountsRecordedNeeds_AndThoseAnsweredByADeliveredService(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var today = CoCare.Kernel.ChinaTime.Day(app.Clock.GetUtcNow().UtcDateTime); // the match rate counts Beijing days
        var url = $"/api/v1/residents/match-rate?region={GVillage}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var before = await HttpAssert.JsonAsync(await provider.GetAsync(url));

        var needs = await NewNeedsAsync(provider, 2, "MedicineDelivery");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // What the Services module will do when a service answering the need is completed.
            var matching = scope.ServiceProvider.GetRequiredService<INeedsMatching>();
            await matching.RecordDeliveryAsync(needs[0], app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            await matching.RecordDeliveryAsync(needs[0], app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        }

        var after = await HttpAssert.JsonAsync(await provider.GetAsync(url));
        int Delta(string key) => after.GetProperty(key).GetInt32() - before.GetProperty(key).GetInt32();
        Assert.Equal(2, Delta("recorded"));
        Assert.Equal(1, Delta("answered"));
        Assert.Equal(1, Delta("beingServed"));
        var rate = after.GetProperty("rate").GetDouble();
        Assert.Equal((double)after.GetProperty("answered").GetInt32() / after.GetProperty("recorded").GetInt32(), rate, 6);
        Assert.Equal("BeingServed", await NeedStatusAsync(provider, needs[0]));

        var yesterday = today.AddDays(-1);
        var empty = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/match-rate?region={GVillage}&from=2000-01-01&to=2000-01-31"));
        Assert.Equal((0, JsonValueKind.Null), (empty.GetProperty("recorded").GetInt32(), empty.GetProperty("rate").ValueKind));
        await HttpAssert.ProblemAsync(await provider.GetAsync($"/api/v1/residents/match-rate?region={GVillage}&from={today:yyyy-MM-dd}&to={yesterday:yyyy-MM-dd}"), 400);
        await HttpAssert.ProblemAsync(await provider.GetAsync("/api/v1/residents/match-rate?region=110101001001"), 404);
    }
}
