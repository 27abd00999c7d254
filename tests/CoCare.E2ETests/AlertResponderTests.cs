using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CoCare.Alerts.Domain;
using CoCare.Data;
using CoCare.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoCare.E2ETests;

/// <summary>A pendant is pressed; the first responder on the ladder sees it on their phone, takes it, arrives and closes it with a note.</summary>
[Collection(BrowserTests.Name)]
public class AlertResponderTests(BrowserFixture browser)
{
    private const string GVillage = "450226104201";

    private async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(browser.App.BaseUrl) };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = KestrelApp.DemoPassword });
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Registers a pendant for an elder of G village and presses it, signed as the device would; returns the alert's id and the elder's name.</summary>
    private async Task<(Guid AlertId, string Elder)> PressAsync(int elderIndex)
    {
        using var provider = await ApiAsync("provider");
        var elders = await provider.GetFromJsonAsync<JsonElement>($"/api/v1/residents/elders?village={GVillage}&pageSize=100&sort=name");
        var elder = elders.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("familyContacts").GetArrayLength() > 0).ElementAt(elderIndex);
        var created = await provider.PostAsJsonAsync("/api/v1/alerts/devices",
            new { type = "SosPendant", serial = "P-" + Guid.NewGuid().ToString("N")[..10], model = "YT-SOS2", elderId = elder.GetProperty("id").GetGuid() });
        var device = await created.Content.ReadFromJsonAsync<JsonElement>();
        var (keyId, secret) = (device.GetProperty("keyId").GetString()!, device.GetProperty("secret").GetString()!);

        var now = browser.App.Clock.GetUtcNow();
        var body = Encoding.UTF8.GetBytes($$"""{"eventId":"sos-{{Guid.NewGuid():N}}","type":"Sos","time":"{{now.UtcDateTime:O}}"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts/events") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-CoCare-Key", keyId);
        request.Headers.Add("X-CoCare-Timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-CoCare-Signature", EventSignature.Sign(Convert.FromBase64String(secret), keyId, now.ToUnixTimeSeconds(), body));
        using var anonymous = new HttpClient { BaseAddress = new Uri(browser.App.BaseUrl) };
        var answer = await (await anonymous.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return (answer.GetProperty("results")[0].GetProperty("alertId").GetGuid(), elder.GetProperty("name").GetString()!);
    }

    [Fact]
    public async Task TheFirstResponder_SeesThePress_TakesIt_Arrives_AndClosesItWithANote()
    {
        var (alertId, elderName) = await PressAsync(30);

        // Whoever the ladder called first (a volunteer on shift, else the village committee) signs in on their phone.
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Alert? alert = null;
        for (var i = 0; i < 100 && alert?.Status != AlertStatus.Notified; i++)
        {
            await Task.Delay(100);
            alert = await db.Set<Alert>().AsNoTracking().SingleAsync(a => a.Id == alertId);
        }

        var first = alert!.Ladder[0];
        var userName = await db.Set<CoCare.Data.Identity.UserAccount>().Where(u => u.Id == first.AccountId).Select(u => u.UserName!).SingleAsync();

        var phone = await browser.NewPhonePageAsync();
        await BrowserFixture.SignInAsync(phone, userName);
        await phone.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await phone.GotoAsync("/alerts/respond");
        var card = phone.Locator("[data-testid=alert]").Filter(new() { HasText = elderName });
        await Assertions.Expect(card.Locator("h2")).ToContainTextAsync("一键呼救");
        await Assertions.Expect(card.Locator("[data-testid=status]")).ToHaveTextAsync("已通知");
        await Assertions.Expect(card.Locator("[data-testid=address]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(card.Locator("[data-testid=device]")).ToContainTextAsync("一键呼救挂件 P-");
        await Assertions.Expect(card.Locator("[data-testid=map-link]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^geo:\d+\.\d+,\d+\.\d+$")); // the pendant took the point of the elder's home
        await BrowserFixture.AssertAccessibleAsync(phone);

        await card.Locator("[data-testid=acknowledge]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=done]")).ToHaveTextAsync("已接手，请尽快前往。");
        card = phone.Locator("[data-testid=alert]").Filter(new() { HasText = elderName });
        await Assertions.Expect(card.Locator("[data-testid=status]")).ToHaveTextAsync("已响应");
        await BrowserFixture.AssertAccessibleAsync(phone);
        await card.Locator("[data-testid=arrive]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=done]")).ToHaveTextAsync("已记录到达时间。");

        // The family can be called from the page, and telling them is recorded with its time.
        card = phone.Locator("[data-testid=alert]").Filter(new() { HasText = elderName });
        await Assertions.Expect(card.Locator("[data-testid=call-family]").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^tel:1[0-9]{10}$"));
        await Assertions.Expect(card.Locator("[data-testid=family-ask]")).Not.ToBeEmptyAsync();
        await card.Locator("[data-testid=family-informed]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=done]")).ToHaveTextAsync("已记录告知家属的时间。");
        card = phone.Locator("[data-testid=alert]").Filter(new() { HasText = elderName });
        await Assertions.Expect(card.Locator("[data-testid=family-told]")).ToContainTextAsync("告知家属");
        await Assertions.Expect(card.Locator("[data-testid=family-informed]")).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(phone);

        // Closing without a note is refused in words; with one it is done.
        card = phone.Locator("[data-testid=alert]").Filter(new() { HasText = elderName });
        await card.Locator("[data-testid=resolve]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=problem]")).Not.ToBeEmptyAsync();
        card = phone.Locator("[data-testid=alert]").Filter(new() { HasText = elderName });
        await card.GetByLabel("误报").CheckAsync();
        await card.Locator("[data-testid=note]").FillAsync("老人误按，已上门确认安好");
        await card.Locator("[data-testid=resolve]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=done]")).ToHaveTextAsync("告警已处置，谢谢您！");
        await Assertions.Expect(phone.Locator("[data-testid=resolved]")).ToContainTextAsync("老人误按，已上门确认安好");
        await BrowserFixture.AssertAccessibleAsync(phone);

        var closed = await db.Set<Alert>().AsNoTracking().SingleAsync(a => a.Id == alertId);
        Assert.Equal((AlertStatus.Resolved, AlertOutcome.FalseAlarm, first.AccountId), (closed.Status, closed.Outcome, closed.AcknowledgedBy));
        Assert.Equal(first.AccountId, closed.FamilyInformedBy);
        Assert.True(closed.OnSiteAt <= closed.FamilyInformedAt && closed.FamilyInformedAt <= closed.ResolvedAt);
        Assert.True(closed.AcknowledgedAt <= closed.OnSiteAt && closed.OnSiteAt <= closed.ResolvedAt);

        // Showing the elder's address and notes to the responder was logged as a read of the elder's record.
        var elderId = closed.ElderId!.Value.ToString();
        Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.Action == "Read" && e.EntityType == "Elder" && e.EntityKey == elderId && e.AccountId == first.AccountId));
    }

    [Fact]
    public async Task TheBoard_ShowsANewPress_AsItHappens_WithItsLadder()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "village");
        await BrowserFixture.WaitForAppAsync(page);
        await page.ClickAsync("[data-nav='Nav.Alerts']");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("告警值守台");
        await Assertions.Expect(page.Locator("[data-testid=stat-open]")).ToBeVisibleAsync();
        await BrowserFixture.WaitForAppAsync(page);
        var before = await page.Locator("[data-testid=open-alert]").CountAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        // Pressed while the board is open: it appears without reloading, announced for screen readers.
        var (_, elderName) = await PressAsync(31);
        await Assertions.Expect(page.Locator("[data-testid=open-alert]")).ToHaveCountAsync(before + 1, new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("[data-testid=announce]")).ToContainTextAsync("一键呼救");
        var row = page.Locator("[data-testid=open-alert]").Last;
        await Assertions.Expect(row).ToContainTextAsync(elderName[..1] + "*");
        await Assertions.Expect(row).Not.ToContainTextAsync(elderName);
        await Assertions.Expect(row.Locator("[data-testid=ladder]")).ToContainTextAsync("1/");
        await Assertions.Expect(page.Locator("[data-testid=stat-open] strong")).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=sound]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=sound]")).ToHaveAttributeAsync("aria-pressed", "true");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AVolunteer_SharesWhereTheirPhoneIs_AndStopsSharing()
    {
        var phone = await browser.NewPhonePageAsync(location: (25.80, 109.60));
        await BrowserFixture.SignInAsync(phone, "volunteer");
        await phone.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await phone.GotoAsync("/alerts/respond");
        await Assertions.Expect(phone.Locator("[data-testid=position-state]")).ToHaveTextAsync("尚未共享位置。");
        await BrowserFixture.AssertAccessibleAsync(phone);

        await phone.Locator("[data-testid=share-position]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=done]")).ToHaveTextAsync("已共享您的位置。");
        await Assertions.Expect(phone.Locator("[data-testid=position-state]")).ToContainTextAsync("已于");
        await BrowserFixture.AssertAccessibleAsync(phone);

        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Set<CoCare.Data.Identity.UserAccount>().Where(u => u.UserName == "volunteer").Select(u => u.Id).SingleAsync();
            var positions = scope.ServiceProvider.GetRequiredService<CoCare.Alerts.Features.Alerts.ResponderPositions>();
            var point = (await positions.FreshAsync([account], browser.App.Clock.GetUtcNow().UtcDateTime, default))[account];
            Assert.Equal((25.80, 109.60), (Math.Round(point.Latitude, 4), Math.Round(point.Longitude, 4)));
        }

        await phone.Locator("[data-testid=stop-position]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=done]")).ToHaveTextAsync("已停止共享位置。");
        await Assertions.Expect(phone.Locator("[data-testid=position-state]")).ToHaveTextAsync("尚未共享位置。");
        await phone.Context.CloseAsync();

        // No alert calls an auditor: the page does not offer to share a position it would refuse.
        var auditor = await browser.NewPhonePageAsync(location: (25.80, 109.60));
        await BrowserFixture.SignInAsync(auditor, "auditor");
        await auditor.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await auditor.GotoAsync("/alerts/respond");
        await Assertions.Expect(auditor.Locator("[data-testid=updated]")).ToBeVisibleAsync();
        await Assertions.Expect(auditor.Locator("[data-testid=position]")).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(auditor);
        await auditor.Context.CloseAsync();
    }
}
