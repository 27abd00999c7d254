using System.Net.Http.Json;
using static CoCare.IntegrationTests.ProcurementScenario;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class ProcurementApiTests(SharedApps apps)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FromEmptyProject_ToActiveSignedContract(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        var projectId = await OpenCallAsync(app, purchaser);
        var (winnerClient, winnerOrg) = await NewProviderAsync(app);
        var (loserClient, loserOrg) = await NewProviderAsync(app);
        var winning = Id(await HttpAssert.JsonAsync(await winnerClient.PostAsJsonAsync($"/api/v1/procurement/projects/{projectId}/applications", Proposal()), 201));
        var losing = Id(await HttpAssert.JsonAsync(await loserClient.PostAsJsonAsync($"/api/v1/procurement/projects/{projectId}/applications", Proposal(18_000_000)), 201));

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync($"/api/v1/procurement/applications/{winning}/scores", new { scores = new[] { 90, 80 } }));
        var ranking = await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync($"/api/v1/procurement/applications/{losing}/scores", new { scores = new[] { 70, 60 } }));
        Assert.Equal(winning, ranking[0].GetProperty("applicationId").GetGuid());
        Assert.Equal(86m, ranking[0].GetProperty("weightedScore").GetDecimal());

        await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync($"/api/v1/procurement/projects/{projectId}/award", new { applicationId = winning, reason = "评分第一" }));
        var inbox = await HttpAssert.JsonAsync(await loserClient.GetAsync("/api/v1/inbox"));
        Assert.Contains("未中标", inbox.GetProperty("items")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        var contract = await HttpAssert.JsonAsync(await purchaser.PostAsync($"/api/v1/procurement/projects/{projectId}/contract", null), 201);
        var contractId = Id(contract);
        Assert.Equal("Draft", contract.GetProperty("status").GetString());
        Assert.Equal(2, contract.GetProperty("phases").GetArrayLength());
        Assert.Equal(JsonValueKindNull, contract.GetProperty("kpis")[0].GetProperty("actual").ValueKind);

        await HttpAssert.JsonAsync(await purchaser.PostAsync($"/api/v1/procurement/contracts/{contractId}/sign", null));
        await HttpAssert.ProblemAsync(await purchaser.PostAsync($"/api/v1/procurement/contracts/{contractId}/sign", null), 409);
        await HttpAssert.ProblemAsync(await purchaser.PostAsync($"/api/v1/procurement/contracts/{contractId}/activate", null), 409);
        await HttpAssert.ProblemAsync(await loserClient.PostAsync($"/api/v1/procurement/contracts/{contractId}/sign", null), 403);

        var signed = await HttpAssert.JsonAsync(await winnerClient.PostAsync($"/api/v1/procurement/contracts/{contractId}/sign", null));
        Assert.Equal("Signed", signed.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(signed.GetProperty("current").GetProperty("signatures").GetProperty("providerSignedBy").GetString()));
        var active = await HttpAssert.JsonAsync(await purchaser.PostAsync($"/api/v1/procurement/contracts/{contractId}/activate", null));
        Assert.Equal("Active", active.GetProperty("status").GetString());

        var providerView = await HttpAssert.JsonAsync(await winnerClient.GetAsync("/api/v1/procurement/contracts"));
        Assert.Contains(providerView.GetProperty("items").EnumerateArray(), c => Id(c) == contractId);
        await HttpAssert.ProblemAsync(await loserClient.GetAsync($"/api/v1/procurement/contracts/{contractId}"), 403);
        _ = (winnerOrg, loserOrg);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    public static TheoryData<string, string, Func<Guid, DateOnly, object>> BadProjects()
    {
        var data = new TheoryData<string, string, Func<Guid, DateOnly, object>>();
        foreach (var db in Databases.All)
        {
            var name = db;
            data.Add(name, "budgetFen", (p, d) => Project(p, d, budgetFen: 0));
            data.Add(name, "budgetFen", (p, d) => Project(p, d, budgetFen: -100));
            data.Add(name, "phases", (p, d) => Project(p, d, phases: new object[] { new { name = "一次拨付", shareBasisPoints = 9000, trigger = "OnSigning" } }));
            data.Add(name, "kpiTargets[0].kpi", (p, d) => Project(p, d, kpis: new object[] { new { kpi = "happinessIndex", comparison = "AtLeast", target = 1 } }));
            data.Add(name, "items[0].category", (p, d) => Project(p, d, items: new[] { new { serviceType = "派遣护理员", category = "StaffingDispatch", unit = "人", quantity = 3, unitPriceFen = 100_000 } }));
            data.Add(name, "endDate", (p, d) => Project(p, d, end: d.AddMonths(18)));
            data.Add(name, "endDate", (p, d) => Project(p, d, end: d.AddYears(4), recurring: true));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadProjects))]
    public async Task ProjectsBreakingThePurchaseRules_AreRefusedOnTheField(string db, string field, Func<Guid, DateOnly, object> project)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        var before = await HttpAssert.JsonAsync(await purchaser.GetAsync("/api/v1/procurement/projects"));
        var problem = await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync("/api/v1/procurement/projects", project(await BureauAsync(app), Today(app).AddDays(10))), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"expected an error on {field}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        var after = await HttpAssert.JsonAsync(await purchaser.GetAsync("/api/v1/procurement/projects"));
        Assert.Equal(before.GetProperty("total").GetInt32(), after.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ARecurringServiceWithAssuredBudget_MayRunThreeYears(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser", "en");
        var start = Today(app).AddDays(10);
        await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync("/api/v1/procurement/projects", Project(await BureauAsync(app), start, end: start.AddYears(3), recurring: true)), 201);
        var problem = await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync("/api/v1/procurement/projects", Project(await BureauAsync(app), start, phases: new object[] { new { name = "x", shareBasisPoints = 5000, trigger = "OnSigning" } })), 400);
        Assert.Contains("50", problem.GetProperty("errors").GetProperty("phases")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Applying_ToAnUnpublishedCallOrAfterTheDeadline_IsRefused(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        var (provider, _) = await NewProviderAsync(app);
        var draft = Id(await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync("/api/v1/procurement/projects", Project(await BureauAsync(app), Today(app).AddDays(30))), 201));
        var unpublished = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/procurement/projects/{draft}/applications", Proposal()), 409);
        Assert.Contains("尚未发布", unpublished.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var open = await OpenCallAsync(app, purchaser);
        var application = Id(await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/procurement/projects/{open}/applications", Proposal()), 201));
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var (late, _) = await NewProviderAsync(app);
        var problem = await HttpAssert.ProblemAsync(await late.PostAsJsonAsync($"/api/v1/procurement/projects/{open}/applications", Proposal()), 409);
        Assert.Contains("截止", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await provider.PutAsJsonAsync($"/api/v1/procurement/applications/{application}", new { approach = "改", team = "改", budgetLines = new[] { new { item = "x", amountFen = 1 } } }), 409);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AwardingAnOrganizationThatDidNotApply_IsRefused(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        var project = await OpenCallAsync(app, purchaser);
        var (provider, _) = await NewProviderAsync(app);
        var (quitter, _) = await NewProviderAsync(app);
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/procurement/projects/{project}/applications", Proposal()), 201);
        var withdrawn = Id(await HttpAssert.JsonAsync(await quitter.PostAsJsonAsync($"/api/v1/procurement/projects/{project}/applications", Proposal()), 201));
        await HttpAssert.JsonAsync(await quitter.PostAsync($"/api/v1/procurement/applications/{withdrawn}/withdraw", null));
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync($"/api/v1/procurement/projects/{project}/award", new { applicationId = Guid.NewGuid(), reason = "随便" }), 400);
        await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync($"/api/v1/procurement/projects/{project}/award", new { applicationId = withdrawn, reason = "已撤回" }), 400);
        var still = await HttpAssert.JsonAsync(await purchaser.GetAsync($"/api/v1/procurement/projects/{project}"));
        Assert.Equal("CallPublished", still.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AProvider_CannotReadAnotherProvidersApplication(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        var project = await OpenCallAsync(app, purchaser);
        var (first, _) = await NewProviderAsync(app);
        var (second, _) = await NewProviderAsync(app);
        var theirs = Id(await HttpAssert.JsonAsync(await first.PostAsJsonAsync($"/api/v1/procurement/projects/{project}/applications", Proposal()), 201));
        await HttpAssert.JsonAsync(await second.PostAsJsonAsync($"/api/v1/procurement/projects/{project}/applications", Proposal()), 201);

        await HttpAssert.ProblemAsync(await second.GetAsync($"/api/v1/procurement/applications/{theirs}"), 403);
        var listed = await HttpAssert.JsonAsync(await second.GetAsync($"/api/v1/procurement/projects/{project}/applications"));
        Assert.Equal(1, listed.GetArrayLength());
        var all = await HttpAssert.JsonAsync(await purchaser.GetAsync($"/api/v1/procurement/projects/{project}/applications"));
        Assert.Equal(2, all.GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TwoPeopleEditingTheSameProject_TheSecondGetsAConflict(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        var start = Today(app).AddDays(20);
        var bureau = await BureauAsync(app);
        var created = await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync("/api/v1/procurement/projects", Project(bureau, start, title: "并发项目")), 201);
        var id = Id(created);
        var update = (object)Project(bureau, start, title: "第一人修改");
        var json = System.Text.Json.JsonSerializer.SerializeToNode(update)!.AsObject();
        json["version"] = 0;
        await HttpAssert.JsonAsync(await purchaser.PutAsJsonAsync($"/api/v1/procurement/projects/{id}", json));
        json["title"] = "第二人修改";
        await HttpAssert.ProblemAsync(await purchaser.PutAsJsonAsync($"/api/v1/procurement/projects/{id}", json), 409);
        Assert.Equal("第一人修改", (await HttpAssert.JsonAsync(await purchaser.GetAsync($"/api/v1/procurement/projects/{id}"))).GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Attachments_AreLimitedInTypeAndSize_AndReadableByThePurchaser(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        var project = await OpenCallAsync(app, purchaser);
        var (provider, _) = await NewProviderAsync(app);
        var application = Id(await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/procurement/projects/{project}/applications", Proposal()), 201));

        static MultipartFormDataContent File(string name, byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", name } };
        var pdf = "%PDF-1.4 方案"u8.ToArray();
        var attached = await HttpAssert.JsonAsync(await provider.PostAsync($"/api/v1/procurement/applications/{application}/attachments", File("服务方案.pdf", pdf)), 201);
        await HttpAssert.ProblemAsync(await provider.PostAsync($"/api/v1/procurement/applications/{application}/attachments", File("run.exe", [1, 2, 3])), 400);
        await HttpAssert.ProblemAsync(await provider.PostAsync($"/api/v1/procurement/applications/{application}/attachments", File("big.pdf", new byte[11 * 1024 * 1024])), 413);

        var download = await purchaser.GetAsync($"/api/v1/procurement/applications/{application}/attachments/{Id(attached)}");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);

        // The back office downloads with the sign-in cookie; another provider may not.
        using var purchaserBrowser = await app.BrowserClientAsync("purchaser");
        Assert.Equal(pdf, await purchaserBrowser.GetByteArrayAsync($"/procurement/applications/{application}/attachments/{Id(attached)}"));
        using var otherBrowser = await app.BrowserClientAsync("provider");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await otherBrowser.GetAsync($"/procurement/applications/{application}/attachments/{Id(attached)}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Amendments_TakeEffectOnlyWithBothSignatures_AndEarlierVersionsRemain(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        using var provider = await app.ClientAsync("provider");
        var contracts = await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/procurement/contracts?q=" + Uri.EscapeDataString("鼓楼食堂")));
        var id = Id(contracts.GetProperty("items")[0]);
        var before = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/procurement/contracts/{id}"));
        var amount = before.GetProperty("current").GetProperty("terms").GetProperty("amountFen").GetInt64();

        var tooLong = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/procurement/contracts/{id}/amendments", new { endDate = "2026-12-31", reason = "延长" }), 400);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("endDate", out _));
        var proposed = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/procurement/contracts/{id}/amendments", new { amountFen = amount + 1_000_000, reason = "增加送餐户数" }));
        Assert.Equal(amount, proposed.GetProperty("current").GetProperty("terms").GetProperty("amountFen").GetInt64());
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/procurement/contracts/{id}/amendments", new { amountFen = 1, reason = "再改" }), 409);
        await HttpAssert.JsonAsync(await provider.PostAsync($"/api/v1/procurement/contracts/{id}/sign", null));
        var amended = await HttpAssert.JsonAsync(await purchaser.PostAsync($"/api/v1/procurement/contracts/{id}/sign", null));
        Assert.Equal(amount + 1_000_000, amended.GetProperty("current").GetProperty("terms").GetProperty("amountFen").GetInt64());
        Assert.True(amended.GetProperty("versions").GetArrayLength() >= 2);
        Assert.Equal(amount, amended.GetProperty("versions")[0].GetProperty("terms").GetProperty("amountFen").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PublishedCalls_AreOnThePublicPortal_WithoutSignIn(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        var project = await OpenCallAsync(app, purchaser);
        var title = (await HttpAssert.JsonAsync(await purchaser.GetAsync($"/api/v1/procurement/projects/{project}"))).GetProperty("title").GetString()!;
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await anonymous.GetAsync("/public/calls");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(title, System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web.js\" autostart", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ARoleCounts_OnlyInTheOrganizationThatGrantedIt(string db)
    {
        var app = await apps.GetAsync(db);
        var (_, ownOrganization) = await NewProviderAsync(app);
        var socialWork = await OrganizationIdAsync(app, "柳州市鼓楼社会工作服务中心");
        using var admin = await app.ClientAsync("admin");
        var userName = "mixed" + Guid.NewGuid().ToString("N")[..6];
        var account = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/accounts", new { userName, displayName = "两处任职", password = "Mixed#Role2026" }), 201);
        var accountId = account.GetProperty("id").GetString();
        await HttpAssert.JsonAsync(await admin.PostAsJsonAsync($"/api/v1/directory/accounts/{accountId}/memberships", new { organizationId = ownOrganization, role = "Provider" }), 201);
        await HttpAssert.JsonAsync(await admin.PostAsJsonAsync($"/api/v1/directory/accounts/{accountId}/memberships", new { organizationId = socialWork, role = "Volunteer" }), 201);

        using var mixed = app.CreateClient();
        mixed.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(userName, "Mixed#Role2026"));
        using var provider = await app.ClientAsync("provider");
        var contract = Id((await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/procurement/contracts?q=" + Uri.EscapeDataString("鼓楼食堂")))).GetProperty("items")[0]);

        // A volunteer of the social organization may not act for it as its provider.
        await HttpAssert.ProblemAsync(await mixed.PostAsJsonAsync($"/api/v1/procurement/contracts/{contract}/amendments", new { amountFen = 1_000_000, reason = "冒名变更" }), 403);
    }
}
