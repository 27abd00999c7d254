using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class AuthTests(SharedApps apps)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Login_WithADemoAccount_ReturnsATokenTheApiAccepts(string db)
    {
        var app = await apps.GetAsync(db);
        using var client = app.CreateClient();
        var login = await HttpAssert.JsonAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "purchaser", password = CoCareApp.DemoPassword }));
        Assert.True(login.GetProperty("expiresIn").GetInt32() > 0);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        var regions = await HttpAssert.JsonAsync(await client.GetAsync("/api/v1/directory/regions"));
        Assert.True(regions.GetProperty("total").GetInt32() >= 5);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WrongPassword_AndUnknownUser_GetTheSameAnswer(string db)
    {
        var app = await apps.GetAsync(db);
        using var client = app.CreateClient();
        var wrongPassword = await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "provider", password = "Wrong-password-1" }), 401);
        var unknownUser = await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "nobody-here", password = "Wrong-password-1" }), 401);
        Assert.Equal(wrongPassword.GetProperty("title").GetString(), unknownUser.GetProperty("title").GetString());
        Assert.Equal(wrongPassword.EnumerateObject().Select(p => p.Name).Order(), unknownUser.EnumerateObject().Select(p => p.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FiveFailedSignIns_LockTheAccountForFifteenMinutes(string db)
    {
        var app = await apps.GetAsync(db);
        var userName = "lock" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await app.ClientAsync("admin");
        await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/accounts", new { userName, displayName = "锁定测试", password = "Right#Pass2026" }), 201);

        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Wrong#Pass2026" }), 401);
        }

        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Right#Pass2026" }), 401);

        var lockoutEnd = await app.WithDbAsync(d => d.Users.Where(u => u.UserName == userName).Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.5));

        // Fifteen minutes later the lock has lapsed.
        await app.WithDbAsync(d => d.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1))));
        await HttpAssert.JsonAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Right#Pass2026" }));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FailuresOlderThanTheLockoutWindow_DoNotCount(string db)
    {
        var app = await apps.GetAsync(db);
        var userName = "slow" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await app.ClientAsync("admin");
        await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/accounts", new { userName, displayName = "窗口测试", password = "Right#Pass2026" }), 201);

        using var client = app.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Wrong#Pass2026" }), 401);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Wrong#Pass2026" }), 401);
        await HttpAssert.JsonAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Right#Pass2026" }));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ForgedToken_IsRefused(string db)
    {
        var app = await apps.GetAsync(db);
        var token = await app.TokenAsync("admin");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^6] + (token.EndsWith("AAAAAA", StringComparison.Ordinal) ? "BBBBBB" : "AAAAAA"));
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/directory/regions"), 401);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/directory/regions"), 401);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ExpiredToken_IsRefused(string db)
    {
        var app = await apps.GetAsync(db);
        using var client = await app.ClientAsync("admin");
        await HttpAssert.JsonAsync(await client.GetAsync("/api/v1/directory/regions"));
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/directory/regions"), 401);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DeactivatedAccount_CannotSignIn(string db)
    {
        var app = await apps.GetAsync(db);
        var userName = "gone" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await app.ClientAsync("admin");
        var account = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/accounts", new { userName, displayName = "停用测试", password = "Right#Pass2026" }), 201);
        await app.TokenAsync(userName, "Right#Pass2026");

        await HttpAssert.JsonAsync(await admin.PostAsync($"/api/v1/directory/accounts/{account.GetProperty("id").GetString()}/deactivate", null));
        using var client = app.CreateClient();
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Right#Pass2026" }), 401);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SignInCookie_DoesNotOpenTheApi(string db)
    {
        var app = await apps.GetAsync(db);
        using var browser = await app.BrowserClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        await HttpAssert.ProblemAsync(await browser.GetAsync("/api/v1/directory/regions"), 401);
    }
}
