using System.Net.Http.Json;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class CollectiveIssuesTests(SharedApps apps)
{
    private static async Task<Guid[]> TwoNeedsAsync(CoCareApp app)
    {
        using var provider = await app.ClientAsync("provider");
        var elders = (await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/residents/elders?pageSize=2&sort=village"))).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToArray();
        var ids = new List<Guid>();
        foreach (var elder in elders)
        {
            var need = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/residents/elders/{elder}/needs", new { category = "DietMenu", detail = "食堂菜谱希望更软烂", urgency = "Normal", source = "Association" }), 201);
            ids.Add(need.GetProperty("id").GetGuid());
        }

        return [.. ids];
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheElderAssociation_MergesNeedsIntoACollectiveIssue_AndRoutesIt(string db)
    {
        var app = await apps.GetAsync(db);
        var needs = await TwoNeedsAsync(app);
        using var association = await app.ClientAsync("association");
        var issue = await HttpAssert.JsonAsync(await association.PostAsJsonAsync("/api/v1/residents/collective-issues",
            new { title = "食堂菜谱适老化", needIds = needs, supporters = new[] { "石奶奶", "龙爷爷" } }), 201);
        Assert.Equal(2, issue.GetProperty("needIds").GetArrayLength());
        var id = issue.GetProperty("id").GetGuid();

        var supported = await HttpAssert.JsonAsync(await association.PostAsJsonAsync($"/api/v1/residents/collective-issues/{id}/support", new { name = "吴奶奶" }));
        Assert.Equal(3, supported.GetProperty("supporters").GetArrayLength());
        var routed = await HttpAssert.JsonAsync(await association.PostAsync($"/api/v1/residents/collective-issues/{id}/route-to-service-list", null));
        Assert.Equal("RoutedToServiceList", routed.GetProperty("status").GetString());
        await HttpAssert.ProblemAsync(await association.PostAsJsonAsync($"/api/v1/residents/collective-issues/{id}/support", new { name = "迟到者" }), 409);

        var list = await HttpAssert.JsonAsync(await association.GetAsync("/api/v1/residents/collective-issues"));
        Assert.Contains(list.EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MergingFewerThanTwoNeeds_OrUnknownOnes_IsRefused(string db)
    {
        var app = await apps.GetAsync(db);
        var needs = await TwoNeedsAsync(app);
        using var association = await app.ClientAsync("association");
        var one = await HttpAssert.ProblemAsync(await association.PostAsJsonAsync("/api/v1/residents/collective-issues", new { title = "单条", needIds = new[] { needs[0] } }), 400);
        Assert.True(one.GetProperty("errors").TryGetProperty("needIds", out _));
        await HttpAssert.ProblemAsync(await association.PostAsJsonAsync("/api/v1/residents/collective-issues", new { title = "", needIds = needs }), 400);
        await HttpAssert.ProblemAsync(await association.PostAsJsonAsync("/api/v1/residents/collective-issues", new { title = "不存在", needIds = new[] { needs[0], Guid.NewGuid() } }), 404);
    }
}
