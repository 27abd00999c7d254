using System.Net.Http.Json;
using System.Text.Json;
using CoCare.Services.Domain;
using CsCheck;
using Microsoft.EntityFrameworkCore;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class TimeBankTests(SharedApps apps)
{
    /// <summary>A new volunteer with <paramref name="hours"/> earned on a confirmed shift; returns the volunteer's time account id.</summary>
    internal static async Task<Guid> EarnedAsync(CoCareApp app, HttpClient provider, string name, int minutes)
    {
        var v = await VolunteerShiftTests.VolunteerAsync(provider, name);
        var shift = await VolunteerShiftTests.ShiftAsync(app, provider, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(20), capacity: 1, hours: 4);
        var signup = await HttpAssert.JsonAsync(await VolunteerShiftTests.SignUpAsync(provider, shift, v.GetProperty("id").GetGuid()), 201);
        var id = signup.GetProperty("id").GetGuid();
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/volunteers/signups/{id}/check-in", new { }));
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/volunteers/signups/{id}/check-out", new { }));
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/volunteers/signups/{id}/confirm", new { minutes }));
        return (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/volunteers/{v.GetProperty("id").GetGuid()}"))).GetProperty("timeAccountId").GetGuid();
    }

    private static async Task<decimal> BalanceAsync(HttpClient client, Guid account) =>
        (await HttpAssert.JsonAsync(await client.GetAsync($"/api/v1/timebank/accounts/{account}/statement"))).GetProperty("account").GetProperty("balance").GetDecimal();

    private static Task<HttpResponseMessage> TransferAsync(HttpClient client, string key, Guid from, Guid to, decimal hours, string? memo = null) =>
        client.PostAsJsonAsync("/api/v1/timebank/transfers", new { idempotencyKey = key, fromAccountId = from, toAccountId = to, hours, memo });

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Transfers_AreIdempotent_NeverOverdraw_AndReversalsUndoThemOnce(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var a = await EarnedAsync(app, provider, "韦转出", 120);
        var b = await EarnedAsync(app, provider, "韦转入", 30);
        var key = "gift-" + Guid.NewGuid();

        var first = await HttpAssert.JsonAsync(await TransferAsync(provider, key, a, b, 1.5m, "帮忙照看"), 201);
        var repeat = await HttpAssert.JsonAsync(await TransferAsync(provider, key, a, b, 1.5m, "帮忙照看"), 200);
        Assert.Equal(first.GetProperty("id").GetGuid(), repeat.GetProperty("id").GetGuid());
        var reused = await HttpAssert.ProblemAsync(await TransferAsync(provider, key, a, b, 0.5m, "帮忙照看"), 409);
        Assert.Contains(key, reused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((0.5m, 2m), (await BalanceAsync(provider, a), await BalanceAsync(provider, b)));

        // More than the balance, a negative or zero amount, to the same account: refused, nothing changes.
        var over = await HttpAssert.ProblemAsync(await TransferAsync(provider, "over-" + Guid.NewGuid(), a, b, 1m), 409);
        Assert.Contains("0.5", over.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await TransferAsync(provider, "neg-" + Guid.NewGuid(), a, b, -1m), 400);
        await HttpAssert.ProblemAsync(await TransferAsync(provider, "zero-" + Guid.NewGuid(), a, b, 0m), 400);
        await HttpAssert.ProblemAsync(await TransferAsync(provider, "same-" + Guid.NewGuid(), a, a, 0.25m), 400);
        await HttpAssert.ProblemAsync(await TransferAsync(provider, "", a, b, 0.25m), 400);
        Assert.Equal((0.5m, 2m), (await BalanceAsync(provider, a), await BalanceAsync(provider, b)));

        var reverse = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/timebank/transactions/{first.GetProperty("id").GetGuid()}/reverse",
            new { idempotencyKey = "rev-" + key, reason = "记错了" }), 201);
        Assert.Equal("Reversal", reverse.GetProperty("kind").GetString());
        Assert.Equal((2m, 0.5m), (await BalanceAsync(provider, a), await BalanceAsync(provider, b)));
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/timebank/transactions/{first.GetProperty("id").GetGuid()}/reverse",
            new { idempotencyKey = "rev2-" + key, reason = "again" }), 409);

        // The statement lists the history; a volunteer cannot move someone else's hours.
        var statement = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/timebank/accounts/{a}/statement"));
        Assert.Equal(["Reversal", "Transfer", "Mint"], statement.GetProperty("lines").GetProperty("items").EnumerateArray().Select(l => l.GetProperty("kind").GetString()));
        using var volunteer = await app.ClientAsync("volunteer");
        await HttpAssert.ProblemAsync(await TransferAsync(volunteer, "steal-" + Guid.NewGuid(), a, b, 0.25m), 403);
        Assert.True((await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/timebank/verify"))).GetProperty("holds").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Redeeming_CreatesTheServiceRequest_AndMoreThanTheBalanceIsRefusedWithNoOrder(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var account = await EarnedAsync(app, provider, "蒙兑换", 90);
        var elder = await CanteenTests.ElderAsync(provider, 84);
        var project = await VolunteerShiftTests.ProjectAsync(app);
        var orders = await app.WithDbAsync(d => d.Set<ServiceOrder>().CountAsync(o => o.ElderId == elder.Id));

        var tooMuch = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/timebank/redemptions",
            new { idempotencyKey = "r-" + Guid.NewGuid(), accountId = account, projectId = project, elderId = elder.Id, serviceTypeCode = "Haircut", hours = 2 }), 409);
        Assert.Contains("1.5", tooMuch.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(orders, await app.WithDbAsync(d => d.Set<ServiceOrder>().CountAsync(o => o.ElderId == elder.Id)));

        var key = "r-" + Guid.NewGuid();
        var body = new { idempotencyKey = key, accountId = account, projectId = project, elderId = elder.Id, serviceTypeCode = "Haircut", hours = 1 };
        var redeemed = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/timebank/redemptions", body), 201);
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/timebank/redemptions", body), 200);
        var orderId = Guid.Parse(redeemed.GetProperty("reference").GetString()!["order:".Length..]);
        var order = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/services/orders/{orderId}"));
        Assert.Equal(("TimeBank", "Haircut", "Requested"), (order.GetProperty("source").GetString(), order.GetProperty("serviceTypeCode").GetString(), order.GetProperty("status").GetString()));
        Assert.Equal(orders + 1, await app.WithDbAsync(d => d.Set<ServiceOrder>().CountAsync(o => o.ElderId == elder.Id)));
        Assert.Equal(0.5m, await BalanceAsync(provider, account));

        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/timebank/redemptions",
            new { idempotencyKey = "r-" + Guid.NewGuid(), accountId = account, projectId = project, elderId = elder.Id, serviceTypeCode = "NoSuchService", hours = 0.25 }), 400);
        Assert.Equal(0.5m, await BalanceAsync(provider, account));
    }

    /// <summary>
    /// Random concurrent transfers, mints and redemptions between a handful of accounts; afterwards the ledger must sum
    /// to zero, every balance equal its postings, and no person below the floor. Any answer other than success or an
    /// overdraft refusal fails the property.
    /// </summary>
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RandomConcurrentOperations_LeaveTheLedgerBalanced_AndNoAccountBelowItsFloor(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var accounts = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            accounts.Add(await EarnedAsync(app, provider, $"性质{i}", 60 * (i + 1)));
        }

        var project = await VolunteerShiftTests.ProjectAsync(app);
        var elder = await CanteenTests.ElderAsync(provider, 77);
        var operation = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[1, 12]);
        await operation.Array[6, 14].SampleAsync(async ops =>
        {
            var sent = ops.Select(async op =>
            {
                var (kind, from, to, quarters) = op;
                var hours = quarters * 0.25m;
                HttpResponseMessage response = kind switch
                {
                    < 6 when from != to => await TransferAsync(provider, "p-" + Guid.NewGuid(), accounts[from], accounts[to], hours),
                    < 8 => await provider.PostAsJsonAsync("/api/v1/timebank/redemptions",
                        new { idempotencyKey = "p-" + Guid.NewGuid(), accountId = accounts[from], projectId = project, elderId = elder.Id, serviceTypeCode = "Companionship", hours }),
                    _ => await MintAsync(app, provider, from, quarters * 15),
                };
                return response;
            });
            foreach (var response in await Task.WhenAll(sent))
            {
                Assert.True(response.StatusCode is System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.Conflict,
                    $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                response.Dispose();
            }

            var check = await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/timebank/verify"));
            Assert.True(check.GetProperty("holds").GetBoolean(), check.ToString());
            foreach (var account in accounts)
            {
                Assert.True(await BalanceAsync(provider, account) >= 0);
            }
        }, iter: 6, threads: 1);
    }

    /// <summary>A mint the only way there is: a confirmed attendance (of a new volunteer each time); the answer is the confirmation's.</summary>
    private static async Task<HttpResponseMessage> MintAsync(CoCareApp app, HttpClient provider, int i, int minutes)
    {
        var v = await VolunteerShiftTests.VolunteerAsync(provider, $"铸{i}");
        var shift = await VolunteerShiftTests.ShiftAsync(app, provider, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(20), capacity: 1, hours: 4);
        var signup = await HttpAssert.JsonAsync(await VolunteerShiftTests.SignUpAsync(provider, shift, v.GetProperty("id").GetGuid()), 201);
        var id = signup.GetProperty("id").GetGuid();
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/volunteers/signups/{id}/check-in", new { }));
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/volunteers/signups/{id}/check-out", new { }));
        return await provider.PostAsJsonAsync($"/api/v1/volunteers/signups/{id}/confirm", new { minutes });
    }
}
