using CoCare.Data;
using CoCare.Residents.Domain;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class OrdersDeskTests(BrowserFixture browser)
{
    [Fact]
    public async Task ACoordinator_AssignsOnlyToThoseAllowed_CancelsWithAReason_AndThePurchaserSeesTheFlaggedRecords()
    {
        string elderName;
        Guid haircut, bathing;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var elder = await db.Set<Elder>().Where(e => e.VillageCode == "450226104201").OrderBy(e => e.Name).Skip(23).FirstAsync();
            elderName = elder.Name;
            var now = browser.App.Clock.GetUtcNow().UtcDateTime;
            var orders = new[] { "Haircut", "Bathing" }.Select((type, i) =>
            {
                var o = new ServiceOrder(elder.Id, elder.VillageCode, type, OrderSource.Phone, null, now.AddDays(20).AddHours(i * 3), "provider", now);
                o.NameElder(elder.Name);
                return o;
            }).ToList();
            db.AddRange(orders);
            await db.SaveChangesAsync();
            (haircut, bathing) = (orders[0].Id, orders[1].Id);
        }

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "provider");
        await page.GotoAsync($"/services/orders?status=Requested&q={Uri.EscapeDataString(elderName)}");
        var rows = page.Locator("[data-testid=order]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await BrowserFixture.AssertAccessibleAsync(page);

        // The bath is for staff only: the silver team's leader is not offered; the haircut goes to him.
        var bathRow = rows.Filter(new() { HasText = "助浴" });
        await Assertions.Expect(bathRow.Locator("[data-testid=candidate] option", new() { HasText = "(volunteer)" })).ToHaveCountAsync(0);
        await Assertions.Expect(bathRow.Locator("[data-testid=candidate] option", new() { HasText = "(provider)" })).ToHaveCountAsync(1);
        var haircutRow = rows.Filter(new() { HasText = "理发" });
        var volunteer = haircutRow.Locator("[data-testid=candidate] option", new() { HasText = "(volunteer)" });
        await haircutRow.Locator("[data-testid=candidate]").SelectOptionAsync(new SelectOptionValue { Value = await volunteer.GetAttributeAsync("value") });
        await haircutRow.Locator("[data-testid=assign]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=done]")).ToBeVisibleAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1); // the haircut is no longer "requested"

        // Cancelling needs a reason; with one, the order is cancelled and says why.
        await rows.First.Locator("[data-testid=cancel]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=problem]")).ToContainTextAsync("原因");
        await page.Locator("[data-testid=order]").First.Locator("[data-testid=cancel-reason]").FillAsync("老人住院");
        await page.Locator("[data-testid=order]").First.Locator("[data-testid=cancel]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=done]")).ToBeVisibleAsync();
        await page.GotoAsync($"/services/orders?q={Uri.EscapeDataString(elderName)}&sort=scheduled");
        await Assertions.Expect(page.Locator("[data-testid=order-status]").Filter(new() { HasText = "老人住院" })).ToHaveCountAsync(1);
        await BrowserFixture.AssertAccessibleAsync(page);

        // The whole list (the demo year's orders) pages by twenty.
        await page.GotoAsync("/services/orders");
        await page.Locator("[data-testid=next]").ClickAsync();
        await Assertions.Expect(page.Locator(".cc-pager span")).ToContainTextAsync("第 2 页");
        await Assertions.Expect(page.Locator("[data-testid=order]")).ToHaveCountAsync(20);
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(OrderStatus.Assigned, await db.Set<ServiceOrder>().Where(o => o.Id == haircut).Select(o => o.Status).SingleAsync());
            Assert.Equal(OrderStatus.Cancelled, await db.Set<ServiceOrder>().Where(o => o.Id == bathing).Select(o => o.Status).SingleAsync());
        }

        await page.Context.CloseAsync();

        // The purchaser reads the completed records with fraud signals (the demo has short visits), and cannot act on them.
        var purchaser = await browser.NewPageAsync("en");
        await BrowserFixture.SignInAsync(purchaser, "purchaser");
        await purchaser.GotoAsync("/services/orders?flagged=true");
        await Assertions.Expect(purchaser.Locator("[data-testid=order-signals]").First).ToContainTextAsync("Shorter than the minimum duration");
        await Assertions.Expect(purchaser.Locator("[data-testid=assign], [data-testid=cancel]")).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(purchaser);
        await purchaser.Context.CloseAsync();
    }
}
