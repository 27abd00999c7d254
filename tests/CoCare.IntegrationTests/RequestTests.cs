using System.Net.Http.Json;
using System.Text;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class RequestTests(SharedApps apps)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BodyThatIsNotJson_IsABadRequest(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        await HttpAssert.ProblemAsync(await admin.PostAsync("/api/v1/directory/organizations", Json("name=鼓楼")), 400);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnknownFieldsAndWrongTypes_AreBadRequestsNotServerErrors(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin", "en");
        var unknown = await HttpAssert.ProblemAsync(await admin.PostAsync("/api/v1/directory/organizations", Json("""{"name":"甲","type":"Enterprise","regionCode":"450226000000","budget":5}""")), 400);
        Assert.Contains("budget", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await admin.PostAsync("/api/v1/directory/organizations", Json("""{"name":12,"type":"Enterprise","regionCode":"450226000000"}""")), 400);
        await HttpAssert.ProblemAsync(await admin.PostAsync("/api/v1/directory/organizations", Json("""{"name":"甲","type":"Spaceship","regionCode":"450226000000"}""")), 400);
        await HttpAssert.ProblemAsync(await admin.GetAsync("/api/v1/directory/organizations?page=abc"), 400);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TenMegabyteBody_IsRefusedAsTooLarge(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var body = "{\"name\":\"" + new string('x', 10 * 1024 * 1024) + "\",\"type\":\"Enterprise\",\"regionCode\":\"450226000000\"}";
        await HttpAssert.ProblemAsync(await admin.PostAsync("/api/v1/directory/organizations", Json(body)), 413);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ErrorTitles_FollowAcceptLanguage(string db)
    {
        var app = await apps.GetAsync(db);
        using var zh = await app.ClientAsync("admin", "zh-CN");
        using var en = await app.ClientAsync("admin", "en");
        var request = new { name = "", type = "Enterprise", regionCode = "450226000000" };
        var chinese = await HttpAssert.ProblemAsync(await zh.PostAsJsonAsync("/api/v1/directory/organizations", request), 400);
        var english = await HttpAssert.ProblemAsync(await en.PostAsJsonAsync("/api/v1/directory/organizations", request), 400);
        Assert.Equal("提交的内容有误。", chinese.GetProperty("title").GetString());
        Assert.Equal("The request has invalid fields.", english.GetProperty("title").GetString());
        Assert.Contains("不能为空", chinese.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("must not be empty", english.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RefusedRequests_ChangeNothing(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var before = await app.WithDbAsync(d => Task.FromResult(d.AuditEntries.Count()));
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/directory/organizations", new { name = "", type = "Enterprise", regionCode = "450226000000" }), 400);
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/directory/organizations", new { name = "无此地区", type = "Enterprise", regionCode = "450226777000" }), 400);
        Assert.Equal(before, await app.WithDbAsync(d => Task.FromResult(d.AuditEntries.Count())));
    }
}
