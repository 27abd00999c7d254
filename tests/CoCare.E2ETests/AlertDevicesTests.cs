using System.Globalization;
using System.Text;
using CoCare.Alerts.Domain;
using CoCare.Alerts.Features.Maintenance;
using CoCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoCare.E2ETests;

/// <summary>The village committee registers a device in the back office, puts its secret into it, sees it go silent and retires it; and sets the village's alert rules.</summary>
[Collection(BrowserTests.Name)]
public class AlertDevicesTests(BrowserFixture browser)
{
    private const string GVillage = "450226104201";

    /// <summary>Sends one heartbeat signed with the key the page showed; returns the HTTP status.</summary>
    private async Task<int> HeartbeatAsync(string keyId, string secret)
    {
        var now = browser.App.Clock.GetUtcNow();
        var body = Encoding.UTF8.GetBytes($$$"""{"eventId":"hb-{{{Guid.NewGuid():N}}}","type":"Heartbeat","time":"{{{now.UtcDateTime:O}}}","payload":{"battery":90}}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts/events") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-CoCare-Key", keyId);
        request.Headers.Add("X-CoCare-Timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-CoCare-Signature", EventSignature.Sign(Convert.FromBase64String(secret), keyId, now.ToUnixTimeSeconds(), body));
        using var device = new HttpClient { BaseAddress = new Uri(browser.App.BaseUrl) };
        return (int)(await device.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task AVillageRegistersADevice_PutsItsSecretIn_SeesItGoSilent_AndRetiresIt()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "village");
        await page.GotoAsync("/alerts/devices");
        await BrowserFixture.WaitForAppAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("设备与维护");
        await page.Locator("[data-testid=devices] tbody tr").First.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        // A serial with a space is refused in words, and nothing is registered.
        var serial = "DS-" + Guid.NewGuid().ToString("N")[..10];
        await page.GetByTestId("serial").FillAsync("has space");
        await page.GetByTestId("model").FillAsync("MC-38");
        await page.GetByTestId("register").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=problem]")).ToContainTextAsync("序列号");
        await Assertions.Expect(page.Locator("[data-testid=credential]")).ToHaveCountAsync(0);

        // Registered: the key is shown once, the list finds the device, and the key works for the device.
        await page.GetByTestId("serial").FillAsync(serial);
        await page.GetByTestId("register").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=credential]")).ToContainTextAsync(serial);
        var keyId = await page.Locator("[data-testid=key-id]").InnerTextAsync();
        var secret = await page.Locator("[data-testid=secret]").InnerTextAsync();
        Assert.Equal(44, secret.Length);
        await Assertions.Expect(page.Locator("[data-testid=row-serial]")).ToHaveCountAsync(1); // the list searches for the new device (waits out the reload)
        await Assertions.Expect(page.Locator("[data-testid=row-serial]")).ToHaveTextAsync(serial);
        await Assertions.Expect(page.Locator("[data-testid=row-status]")).ToHaveTextAsync("在用");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByTestId("hide-credential").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=credential]")).ToHaveCountAsync(0);
        Assert.Equal(200, await HeartbeatAsync(keyId, secret));

        // Silent past the offline threshold: the device watch opens a task, found by the device's serial.
        browser.App.Clock.Shift(TimeSpan.FromMinutes(31));
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var watch = scope.ServiceProvider.GetRequiredService<MaintenanceHandlers>();
            for (var run = 0; run < 50 && await watch.WatchAsync(default) > 0; run++)
            {
            }
        }

        await page.GetByTestId("task-search").FillAsync(serial);
        await page.GetByTestId("task-search").PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=task-serial]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=task-serial]")).ToContainTextAsync(serial);
        await Assertions.Expect(page.Locator("[data-testid=task-kind]")).ToHaveTextAsync("设备离线");
        await BrowserFixture.AssertAccessibleAsync(page);

        // Retired after a second click to confirm: the list says so and the device's key is refused from now on.
        await page.GetByTestId("retire").ClickAsync();
        await page.GetByTestId("retire-confirm").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=row-status]")).ToHaveTextAsync("已停用");
        Assert.Equal(403, await HeartbeatAsync(keyId, secret));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task APendantIsGivenToAnElderFoundByName_ThenMovedToTheClinic_AndTheListShowsOnlyMaskedPlaces()
    {
        Residents.Domain.Elder elder;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            elder = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Residents.Domain.Elder>().AsNoTracking()
                .Where(e => e.VillageCode == GVillage && e.IsActive && e.Latitude != null).OrderBy(e => e.Name).FirstAsync();
        }

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "village");
        await page.GotoAsync("/alerts/devices");
        await BrowserFixture.WaitForAppAsync(page);
        await page.Locator("[data-testid=devices] tbody tr").First.WaitForAsync();

        // The elder is found by name; the pendant takes the point of their home, and the list names them masked.
        var serial = "P-" + Guid.NewGuid().ToString("N")[..10];
        await page.GetByTestId("serial").FillAsync(serial);
        await page.GetByTestId("model").FillAsync("YT-SOS2");
        await page.GetByTestId("elder").FillAsync(elder.Name);
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByTestId("register").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=credential]")).ToContainTextAsync(serial);
        await Assertions.Expect(page.Locator("[data-testid=row-serial]")).ToHaveCountAsync(1);
        var place = page.Locator("[data-testid=row-place]");
        await Assertions.Expect(place).ToContainTextAsync(Kernel.Masking.Name(elder.Name) + " 家");
        await Assertions.Expect(place).ToContainTextAsync(elder.Latitude!.Value.ToString("0.####", CultureInfo.InvariantCulture));
        await Assertions.Expect(place).Not.ToContainTextAsync(elder.Name);

        // Moved to the clinic: a point without its other half is refused in words; then the elder is cleared and the place saved.
        const string Clinic = "广西柳州市三江侗族自治县林溪镇G村卫生室";
        await page.GetByTestId("move-open").ClickAsync();
        await Assertions.Expect(page.GetByTestId("move")).ToBeVisibleAsync();
        await page.GetByTestId("move-address").FillAsync(Clinic);
        await page.GetByTestId("move-longitude").FillAsync("");
        await page.GetByTestId("move-save").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=move] [data-testid=problem]")).ToContainTextAsync("纬度");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByTestId("move-elder").FillAsync("");
        await page.GetByTestId("move-latitude").FillAsync("25.8021");
        await page.GetByTestId("move-longitude").FillAsync("109.6032");
        await page.GetByTestId("move-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("move")).ToHaveCountAsync(0);
        await Assertions.Expect(place).ToHaveTextAsync("广西柳州市三江侗族自**** · 25.8021, 109.6032");

        await using var check = browser.App.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<AppDbContext>().Set<Device>().AsNoTracking().SingleAsync(d => d.Serial == serial);
        Assert.Null(stored.ElderId);
        Assert.Equal(Clinic, check.ServiceProvider.GetRequiredService<PersonalDataCipher>().Decrypt(stored.AddressCipher));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheVillageRostersItsDutyPerson_AnImpossibleTimeIsRefusedInWords_AndTakesThemOffAgain()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "village");
        await page.GotoAsync("/alerts/duty");
        await BrowserFixture.WaitForAppAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("值班表");
        var rows = page.Locator("[data-testid=duty] tbody tr");
        await Assertions.Expect(page.Locator("[data-testid=duty-row-kind]")).ToHaveCountAsync(2); // the demo's week: the village's duty person, the provider's manager
        await Assertions.Expect(page.Locator("[data-testid=duty-row-kind]")).ToHaveTextAsync(["村委会值班人", "服务机构值班负责人"]);
        await Assertions.Expect(page.Locator("[data-testid=duty-row-state]")).ToHaveTextAsync(["正在值班", "正在值班"]);
        await Assertions.Expect(rows.Nth(1).GetByTestId("duty-remove")).ToHaveCountAsync(0); // the provider's entry is the provider's to change
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByTestId("duty-start-time").FillAsync("25:00");
        await page.GetByTestId("duty-add").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=problem]")).ToContainTextAsync("08:00");
        await Assertions.Expect(page.Locator("[data-testid=duty-row-kind]")).ToHaveCountAsync(2);
        await BrowserFixture.AssertAccessibleAsync(page);

        // Tonight from eight to tomorrow at eight, and the same night the next two weeks: on the roster, after the week's
        // entry that began earlier.
        await page.GetByTestId("duty-start-time").FillAsync("20:00");
        await page.GetByTestId("duty-end-time").FillAsync("08:00");
        await page.Locator("div.mud-input-control.mud-select:has([data-testid=duty-weeks])").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "每周同一时间，共 3 周" }).ClickAsync();
        await page.GetByTestId("duty-add").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=duty-row-kind]")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=problem]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("共 3 周");
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var nights = await db.Set<DutyShift>().AsNoTracking().Where(d => d.VillageCode == GVillage && d.CreatedBy == "village").OrderBy(d => d.StartsAt).ToListAsync();
            Assert.Equal(3, nights.Count);
            Assert.All(nights, n => Assert.Equal((new TimeOnly(20, 0), TimeSpan.FromHours(12)), (Kernel.ChinaTime.TimeOfDay(n.StartsAt), n.EndsAt - n.StartsAt)));
            Assert.Equal([TimeSpan.FromDays(7), TimeSpan.FromDays(7)], nights.Zip(nights.Skip(1), (a, b) => b.StartsAt - a.StartsAt));
        }

        for (var left = 4; left >= 2; left--)
        {
            await rows.Nth(2).GetByTestId("duty-remove").ClickAsync();
            await rows.Nth(2).GetByTestId("duty-remove-confirm").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=duty-row-kind]")).ToHaveCountAsync(left);
        }

        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AVillageSetsItsAlertRules_AndAnImpossibleTimeIsRefusedInWords()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "village");
        await page.GotoAsync("/alerts/rules");
        await BrowserFixture.WaitForAppAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("告警规则");
        await Assertions.Expect(page.Locator("[data-testid=rules-source]")).Not.ToBeEmptyAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByTestId("night-starts").FillAsync("25:00");
        await page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=problem]")).Not.ToBeEmptyAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByTestId("night-starts").FillAsync("23:00");
        await page.GetByTestId("inactivity").FillAsync("10");
        await page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rules-source]")).ToHaveTextAsync("本村已设置的规则。");
        await Assertions.Expect(page.Locator("[data-testid=problem]")).ToHaveCountAsync(0);

        await using var scope = browser.App.Services.CreateAsyncScope();
        var rule = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AlertRule>().AsNoTracking().SingleAsync(r => r.VillageCode == GVillage && r.ElderId == null);
        Assert.Equal((new TimeOnly(23, 0), 10), (rule.Settings.NightStarts, rule.Settings.InactivityHours));
        await page.Context.CloseAsync();
    }
}
