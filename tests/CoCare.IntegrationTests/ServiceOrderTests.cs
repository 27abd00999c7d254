using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class ServiceOrderTests(SharedApps apps)
{
    private static async Task<string> AccountIdAsync(CoCareApp app, string userName) =>
        await app.WithDbAsync(d => d.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private static async Task<JsonElement> OrderAsync(HttpClient provider, Guid elder, string type = "Cleaning", DateTime? scheduledFor = null) =>
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/services/orders", new { elderId = elder, serviceTypeCode = type, source = "Phone", scheduledFor }), 201);

    private static Task<HttpResponseMessage> Post(HttpClient client, JsonElement order, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/services/orders/{order.GetProperty("id").GetGuid()}/{action}", body ?? new { });

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnOrder_GoesFromRequestToCompletion_WithTheElderCode_AndAShortVisitIsFlagged(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        using var volunteer = await app.ClientAsync("volunteer");
        var elder = await CanteenTests.ElderAsync(provider, 82);
        var code = (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders/{elder.Id}/record"))).GetProperty("cardConfirmationCode").GetString()!;
        var worker = await AccountIdAsync(app, "volunteer");
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var order = await OrderAsync(provider, elder.Id, "Haircut", now.AddHours(-2));
        Assert.Equal("Requested", order.GetProperty("status").GetString());
        order = await HttpAssert.JsonAsync(await Post(provider, order, "assign", new { workerId = worker, version = order.GetProperty("version").GetInt64() }));
        Assert.Equal("Assigned", order.GetProperty("status").GetString());

        // Nothing may be completed or checked out before the worker checked in.
        await HttpAssert.ProblemAsync(await Post(provider, order, "accept"), 403);
        await HttpAssert.JsonAsync(await Post(volunteer, order, "accept"));
        var early = await HttpAssert.ProblemAsync(await Post(volunteer, order, "complete", new { elderCode = code }), 409);
        Assert.Contains("签到", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await Post(volunteer, order, "check-out", new { at = now }), 409);

        await HttpAssert.JsonAsync(await Post(volunteer, order, "check-in", new { at = now.AddMinutes(-10), latitude = 25.92, longitude = 109.63 }));
        var before = await HttpAssert.ProblemAsync(await Post(volunteer, order, "check-out", new { at = now.AddMinutes(-30) }), 400);
        Assert.True(before.GetProperty("errors").TryGetProperty("at", out _));
        await HttpAssert.ProblemAsync(await Post(volunteer, order, "check-out", new { at = now.AddHours(1) }), 400);
        await HttpAssert.JsonAsync(await Post(volunteer, order, "check-out", new { at = now }));

        var wrong = code == "0000" ? "1111" : "0000";
        await HttpAssert.ProblemAsync(await Post(volunteer, order, "complete", new { elderCode = wrong }), 400);
        var done = await HttpAssert.JsonAsync(await Post(volunteer, order, "complete", new { elderCode = code }));
        Assert.Equal(("Completed", "ElderCode"), (done.GetProperty("status").GetString(), done.GetProperty("confirmedBy").GetString()));
        Assert.Equal(10, done.GetProperty("minutes").GetDouble());
        Assert.Contains("ShortDuration", done.GetProperty("fraudSignals").EnumerateArray().Select(s => s.GetString()));

        // The price breakdown of the delivery is stored with it, as the catalogue quotes it for this elder that day.
        var quote = (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/services/catalogue/Haircut/quote?elder={elder.Id}"))).GetProperty("price");
        var subsidies = quote.GetProperty("subsidies").EnumerateArray().ToList();
        Assert.Equal((quote.GetProperty("listPriceFen").GetInt64(), subsidies.Sum(x => x.GetProperty("amountFen").GetInt64()), quote.GetProperty("paidFen").GetInt64()),
            (done.GetProperty("listPriceFen").GetInt64(), done.GetProperty("subsidyFen").GetInt64(), done.GetProperty("paidFen").GetInt64()));
        Assert.True(done.GetProperty("listPriceFen").GetInt64() > 0);
        Assert.Equal(done.GetProperty("listPriceFen").GetInt64() - done.GetProperty("subsidyFen").GetInt64(), done.GetProperty("paidFen").GetInt64());
        Assert.False(await app.WithDbAsync(d => d.Set<CoCare.Services.Domain.ServiceOrder>()
            .AnyAsync(o => o.Status == CoCare.Services.Domain.OrderStatus.Completed && o.ListPriceFen == null)), "every completed delivery, the demo's too, carries its price");

        var flagged = await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/services/orders?flagged=true&pageSize=100"));
        Assert.Contains(flagged.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == done.GetProperty("id").GetGuid());
        var mine = await HttpAssert.JsonAsync(await volunteer.GetAsync("/api/v1/services/orders?mine=true&pageSize=100"));
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == done.GetProperty("id").GetGuid());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AWorker_CannotBeAssignedTwoOverlappingOrders_AndOnlyOthersCountersign(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var elder = await CanteenTests.ElderAsync(provider, 75);
        var worker = await AccountIdAsync(app, "village");
        var at = app.Clock.GetUtcNow().UtcDateTime.AddDays(3).Date.AddHours(2);

        var first = await OrderAsync(provider, elder.Id, "Cleaning", at);
        await HttpAssert.JsonAsync(await Post(provider, first, "assign", new { workerId = worker, version = first.GetProperty("version").GetInt64() }));
        var second = await OrderAsync(provider, elder.Id, "Bathing", at.AddMinutes(30));
        var busy = await HttpAssert.ProblemAsync(await Post(provider, second, "assign", new { workerId = worker, version = second.GetProperty("version").GetInt64() }), 409);
        Assert.Contains(elder.Name, busy.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var later = await OrderAsync(provider, elder.Id, "Bathing", at.AddHours(2));
        await HttpAssert.JsonAsync(await Post(provider, later, "assign", new { workerId = worker, version = later.GetProperty("version").GetInt64() }));

        await HttpAssert.ProblemAsync(await Post(provider, second, "assign", new { workerId = "no-such-account", version = second.GetProperty("version").GetInt64() }), 400);
        await HttpAssert.ProblemAsync(await Post(provider, second, "cancel", new { reason = " " }), 400);
        var cancelled = await HttpAssert.JsonAsync(await Post(provider, second, "cancel", new { reason = "老人住院" }));
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        await HttpAssert.ProblemAsync(await Post(provider, second, "cancel", new { reason = "again" }), 409);

        using var evaluator = await app.ClientAsync("evaluator");
        await HttpAssert.ProblemAsync(await evaluator.PostAsJsonAsync("/api/v1/services/orders", new { elderId = elder.Id, serviceTypeCode = "Cleaning", source = "Phone" }), 403);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/services/orders", new { elderId = elder.Id, serviceTypeCode = "Nothing", source = "Phone" }), 400);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/services/orders", new { elderId = elder.Id, serviceTypeCode = "Cleaning", source = "Need" }), 400);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AVolunteer_IsGivenOnlyTheServicesTheirSkillsAllow_AndTheCandidatesListSaysWhoMay(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var elder = await CanteenTests.ElderAsync(provider, 78);
        var (volunteer, association, staff) = (await AccountIdAsync(app, "volunteer"), await AccountIdAsync(app, "association"), await AccountIdAsync(app, "provider"));
        var at = app.Clock.GetUtcNow().UtcDateTime.AddDays(9).Date.AddHours(1);

        // The silver team's leader cuts hair (a skill on the profile), does not drive, and may not bathe elders (staff only).
        var haircut = await OrderAsync(provider, elder.Id, "Haircut", at);
        var mobility = await OrderAsync(provider, elder.Id, "Mobility", at.AddHours(2));
        var bathing = await OrderAsync(provider, elder.Id, "Bathing", at.AddHours(4));
        var lacks = await HttpAssert.ProblemAsync(await Post(provider, mobility, "assign", new { workerId = volunteer, version = mobility.GetProperty("version").GetInt64() }), 400);
        Assert.Contains("助行", lacks.GetProperty("errors").GetProperty("workerId")[0].GetString(), StringComparison.Ordinal);
        var staffOnly = await HttpAssert.ProblemAsync(await Post(provider, bathing, "assign", new { workerId = volunteer, version = bathing.GetProperty("version").GetInt64() }), 400);
        Assert.Contains("工作人员", staffOnly.GetProperty("errors").GetProperty("workerId")[0].GetString(), StringComparison.Ordinal);
        var notHere = await HttpAssert.ProblemAsync(await Post(provider, haircut, "assign", new { workerId = association, version = haircut.GetProperty("version").GetInt64() }), 400);
        Assert.Contains("不是这个村", notHere.GetProperty("errors").GetProperty("workerId")[0].GetString(), StringComparison.Ordinal);
        Assert.All(await app.WithDbAsync(d => d.Set<CoCare.Services.Domain.ServiceOrder>().Where(o => o.ElderId == elder.Id && o.ScheduledFor >= at).Select(o => o.WorkerId).ToListAsync()),
            w => Assert.Null(w));

        Assert.Equal("Assigned", (await HttpAssert.JsonAsync(await Post(provider, haircut, "assign", new { workerId = volunteer, version = haircut.GetProperty("version").GetInt64() })))
            .GetProperty("status").GetString());
        Assert.Equal("Assigned", (await HttpAssert.JsonAsync(await Post(provider, bathing, "assign", new { workerId = staff, version = bathing.GetProperty("version").GetInt64() })))
            .GetProperty("status").GetString());

        async Task<List<string>> CandidatesAsync(JsonElement order) =>
            (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/services/orders/{order.GetProperty("id").GetGuid()}/candidates"))).EnumerateArray()
                .Select(c => c.GetProperty("accountId").GetString()!).ToList();
        Assert.Contains(volunteer, await CandidatesAsync(haircut));
        Assert.Contains(staff, await CandidatesAsync(haircut));
        Assert.DoesNotContain(volunteer, await CandidatesAsync(mobility));
        Assert.Contains(staff, await CandidatesAsync(mobility));
        Assert.DoesNotContain(association, await CandidatesAsync(haircut));
        using var volunteerClient = await app.ClientAsync("volunteer");
        await HttpAssert.ProblemAsync(await volunteerClient.GetAsync($"/api/v1/services/orders/{haircut.GetProperty("id").GetGuid()}/candidates"), 403);
    }
}
