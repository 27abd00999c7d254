using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class RoutePlannerTests(BrowserFixture browser)
{
    [Fact]
    public async Task ACoordinator_PlansTomorrowsDeliveries_SeesTheRoundsOnAMap_AndAssignsThem()
    {
        var ids = new List<Guid>();
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = browser.App.Clock.GetUtcNow().UtcDateTime;
            var tomorrow = ChinaTime.Day(now).AddDays(1);
            var elders = await db.Set<Elder>().Where(e => e.Latitude != null).OrderBy(e => e.Name).Skip(100).Take(5).ToListAsync();
            foreach (var (elder, i) in elders.Select((e, i) => (e, i)))
            {
                var order = new ServiceOrder(elder.Id, elder.VillageCode, "Meals", OrderSource.ServiceList, null, ChinaTime.Utc(tomorrow, new TimeOnly(11, 30).AddMinutes(10 * i)), "provider", now);
                order.NameElder(elder.Name);
                db.Add(order);
                ids.Add(order.Id);
            }

            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "provider");
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GotoAsync("/services/routes");
        await BrowserFixture.WaitForAppAsync(page);
        await page.Locator("label", new() { HasText = "(volunteer)" }).Locator("input").CheckAsync();
        await page.Locator("label", new() { HasText = "(provider)" }).Locator("input").CheckAsync();
        await Assertions.Expect(page.Locator("label", new() { HasText = "(association)" })).ToHaveCountAsync(0); // neither staff nor a volunteer of the village
        await page.ClickAsync("[data-testid=plan]");
        await page.Locator("[data-testid=map]").WaitForAsync(new() { Timeout = 30_000 });
        var rows = await page.Locator("[data-testid=route] tbody tr").CountAsync();
        Assert.True(rows >= 5, $"{rows} stops planned");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.ClickAsync("[data-testid=accept-plan]");
        await Assertions.Expect(page.Locator("[data-testid=accepted]")).ToContainTextAsync("已按路线派出");
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(5, await db.Set<ServiceOrder>().CountAsync(o => ids.Contains(o.Id) && o.Status == OrderStatus.Assigned && o.WorkerId != null));
        }

        await page.Context.CloseAsync();
    }
}
