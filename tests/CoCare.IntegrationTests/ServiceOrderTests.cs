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

        var order = await OrderAsync(provider, elder.Id, scheduledFor: now.AddHours(-2));
        Assert.Equal("Requested", order.GetProperty("status").GetString());
        order = await HttpAssert.JsonAsync(await Post(provider, order, "assign", new { workerId = worker, version = order.GetProperty("version").GetInt64() }));
        Assert.Equal("Assigned", order.GetProperty("status").GetString());

        // Nothing may be completed or checked out before the worker checked in.
        await HttpAssert.ProblemAsync(await Post(provider, order, "accept"), 403);
        await HttpAssert.JsonAsync(await Post(volunteer, order, "accept"));
        var early = await HttpAssert.ProblemAsync(await Post(volunteer, order, "complete", new { elderCode = code }), 409);
        Assert.Contains("签到", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await Post(volunteer, order, "check-out", new { at = now }), 409);

        await HttpAssert.JsonAsync(await Post(volunteer, order, "check-in", new { at = now.AddMinutes(-20), latitude = 25.92, longitude = 109.63 }));
        var before = await HttpAssert.ProblemAsync(await Post(volunteer, order, "check-out", new { at = now.AddMinutes(-30) }), 400);
        Assert.True(before.GetProperty("errors").TryGetProperty("at", out _));
        await HttpAssert.ProblemAsync(await Post(volunteer, order, "check-out", new { at = now.AddHours(1) }), 400);
        await HttpAssert.JsonAsync(await Post(volunteer, order, "check-out", new { at = now }));

        var wrong = code == "0000" ? "1111" : "0000";
        await HttpAssert.ProblemAsync(await Post(volunteer, order, "complete", new { elderCode = wrong }), 400);
        var done = await HttpAssert.JsonAsync(await Post(volunteer, order, "complete", new { elderCode = code }));
        Assert.Equal(("Completed", "ElderCode"), (done.GetProperty("status").GetString(), done.GetProperty("confirmedBy").GetString()));
        Assert.Equal(20, done.GetProperty("minutes").GetDouble());
        Assert.Contains("ShortDuration", done.GetProperty("fraudSignals").EnumerateArray().Select(s => s.GetString()));

        // The price breakdown of the delivery is stored with it, as the catalogue quotes it for this elder that day.
        var quote = (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/services/catalogue/Cleaning/quote?elder={elder.Id}"))).GetProperty("price");
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
        var worker = await AccountIdAsync(app, "association");
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
}
