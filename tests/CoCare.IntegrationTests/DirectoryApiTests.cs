using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class DirectoryApiTests(SharedApps apps)
{
    private const string County = "450226000000";
    private const string GVillage = "450226104201";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RegionCode_OfTheWrongLength_IsAFieldError(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var problem = await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/directory/regions", new { code = "4502261042", name = "短代码村", kind = "Rural" }), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
        Assert.Equal(0, (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/directory/regions?q=短代码村"))).GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Region_WithAnUnknownParent_IsRefused(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin", "en");
        var problem = await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/directory/regions", new { code = "450226999201", name = "孤村", kind = "Rural" }), 400);
        Assert.Contains("450226999000", problem.GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Region_UnderAKnownParent_IsAddedAtTheImpliedLevel(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var taken = await app.WithDbAsync(d => d.Set<CoCare.Directory.Domain.Region>().Where(r => r.Code.StartsWith("4502261042")).Select(r => r.Code).ToListAsync());
        var code = Enumerable.Range(10, 90).Select(n => "4502261042" + n).Where(c => !taken.Contains(c)).OrderBy(_ => Random.Shared.Next()).First(); // one no demo or earlier test made
        var created = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/regions", new { code, name = "新村" + code[^2..], kind = "Rural" }), 201);
        Assert.Equal(("Village", "450226104000"), (created.GetProperty("level").GetString(), created.GetProperty("parentCode").GetString()));

        var duplicate = await admin.PostAsJsonAsync("/api/v1/directory/regions", new { code, name = "重复", kind = "Rural" });
        await HttpAssert.ProblemAsync(duplicate, 409);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnlyAPlatformAdministrator_ChangesRegions(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync("/api/v1/directory/regions", new { code = "450226104299", name = "越权村", kind = "Rural" }), 403);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Organization_InARegionOutsideTheCallersScope_IsForbidden(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        // The county bureau's scope is the county; Liuzhou city lies above it.
        var problem = await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync("/api/v1/directory/organizations", new { name = "柳州市某机构", type = "SocialOrganization", regionCode = "450200000000" }), 403);
        Assert.Contains("管辖", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var inScope = await purchaser.PostAsJsonAsync("/api/v1/directory/organizations", new { name = "G村卫生室" + Guid.NewGuid().ToString("N")[..4], type = "Enterprise", regionCode = GVillage });
        await HttpAssert.JsonAsync(inScope, 201);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DuplicateOrganizationName_InOneRegion_IsAConflict(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var name = "重名机构" + Guid.NewGuid().ToString("N")[..6];
        await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/organizations", new { name, type = "Enterprise", regionCode = County }), 201);
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/directory/organizations", new { name, type = "University", regionCode = County }), 409);
        // The same name in another region is fine.
        await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/organizations", new { name, type = "Enterprise", regionCode = GVillage }), 201);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EditingARecordThatChangedSinceItWasRead_IsAConflict(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var created = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/organizations", new { name = "版本测试" + Guid.NewGuid().ToString("N")[..6], type = "Enterprise", regionCode = County }), 201);
        var id = created.GetProperty("id").GetString();
        var version = created.GetProperty("version").GetInt64();

        var first = await HttpAssert.JsonAsync(await admin.PutAsJsonAsync($"/api/v1/directory/organizations/{id}", new { name = "第一次修改" + id![..6], type = "Enterprise", regionCode = County, version }));
        Assert.Equal(version + 1, first.GetProperty("version").GetInt64());

        await HttpAssert.ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/directory/organizations/{id}", new { name = "过期修改", type = "Enterprise", regionCode = County, version }), 409);
        var now = await HttpAssert.JsonAsync(await admin.GetAsync($"/api/v1/directory/organizations/{id}"));
        Assert.StartsWith("第一次修改", now.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task VillageAccounts_SeeTheirVillageAndOwnOrganizationsOnly(string db)
    {
        var app = await apps.GetAsync(db);
        using var volunteer = await app.ClientAsync("volunteer");
        var page = await HttpAssert.JsonAsync(await volunteer.GetAsync("/api/v1/directory/organizations?pageSize=100"));
        var regions = page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("regionCode").GetString()).Distinct().ToList();
        Assert.Equal([GVillage], regions);

        using var admin = await app.ClientAsync("admin");
        var all = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/directory/organizations?pageSize=100"));
        Assert.True(all.GetProperty("total").GetInt32() > page.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Lists_ArePagedSearchableAndSorted(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var firstPage = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/directory/organizations?pageSize=2&page=1&sort=name"));
        var secondPage = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/directory/organizations?pageSize=2&page=2&sort=name"));
        var names = firstPage.GetProperty("items").EnumerateArray().Concat(secondPage.GetProperty("items").EnumerateArray()).Select(o => o.GetProperty("name").GetString()!).ToList();
        Assert.Equal(4, names.Distinct().Count());
        Assert.Equal(names.Order(StringComparer.Ordinal), names);

        var search = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/directory/organizations?q=" + Uri.EscapeDataString("老人协会")));
        Assert.Equal("G村老人协会", search.GetProperty("items")[0].GetProperty("name").GetString());

        var unknownSort = await HttpAssert.ProblemAsync(await admin.GetAsync("/api/v1/directory/organizations?sort=salary"), 400);
        Assert.True(unknownSort.GetProperty("errors").TryGetProperty("sort", out _));
        await HttpAssert.ProblemAsync(await admin.GetAsync("/api/v1/directory/organizations?pageSize=1000"), 400);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task People_AreAddedToOrganizationsInScope(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        var organizations = await HttpAssert.JsonAsync(await purchaser.GetAsync("/api/v1/directory/organizations?q=" + Uri.EscapeDataString("鼓楼社会工作")));
        var socialWork = organizations.GetProperty("items")[0].GetProperty("id").GetString();
        var person = await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync("/api/v1/directory/people", new { name = "新社工", organizationId = socialWork, position = "社工" }), 201);
        Assert.Equal("柳州市鼓楼社会工作服务中心", person.GetProperty("organizationName").GetString());

        var people = await HttpAssert.JsonAsync(await purchaser.GetAsync($"/api/v1/directory/people?organization={socialWork}&q=" + Uri.EscapeDataString("社工")));
        Assert.True(people.GetProperty("total").GetInt32() >= 4, "three social workers from the demo and the new one");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Account_WithAWeakPassword_IsRefusedWithThePolicyInTheMessage(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin", "en");
        var problem = await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/directory/accounts", new { userName = "weak" + Guid.NewGuid().ToString("N")[..6], displayName = "弱口令", password = "short" }), 400);
        var messages = problem.GetProperty("errors").GetProperty("password").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains("10 characters", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Membership_GivesTheNewAccountItsRoleAndScope(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var userName = "cadre" + Guid.NewGuid().ToString("N")[..6];
        var account = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/accounts", new { userName, displayName = "村干部", password = "Village#2026x" }), 201);
        var committee = (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/directory/organizations?q=" + Uri.EscapeDataString("村民委员会")))).GetProperty("items")[0].GetProperty("id").GetString();

        var badRole = await admin.PostAsJsonAsync($"/api/v1/directory/accounts/{account.GetProperty("id").GetString()}/memberships", new { organizationId = committee, role = "Mayor" });
        await HttpAssert.ProblemAsync(badRole, 400);
        var membership = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync($"/api/v1/directory/accounts/{account.GetProperty("id").GetString()}/memberships", new { organizationId = committee, role = "Volunteer" }), 201);
        var changed = await HttpAssert.JsonAsync(await admin.PutAsJsonAsync($"/api/v1/directory/accounts/{account.GetProperty("id").GetString()}/memberships/{membership.GetProperty("id").GetString()}", new { role = "VillageCommittee", scopeRegionCode = GVillage }));
        Assert.Equal("VillageCommittee", changed.GetProperty("role").GetString());
        await HttpAssert.ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/directory/accounts/{account.GetProperty("id").GetString()}/memberships/{membership.GetProperty("id").GetString()}", new { role = "VillageCommittee", scopeRegionCode = "999999999999" }), 400);

        using var cadre = app.CreateClient();
        cadre.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(userName, "Village#2026x"));
        var seen = await HttpAssert.JsonAsync(await cadre.GetAsync("/api/v1/directory/organizations?pageSize=100"));
        Assert.All(seen.GetProperty("items").EnumerateArray(), o => Assert.Equal(GVillage, o.GetProperty("regionCode").GetString()));
        await HttpAssert.ProblemAsync(await cadre.GetAsync("/api/v1/directory/accounts"), 403);
    }
}
