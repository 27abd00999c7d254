using System.Diagnostics;
using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class CanteenCounterTests(BrowserFixture browser)
{
    /// <summary>A point serving G village that is open all day, so the test does not depend on the hour it runs at; and ten elders' cards.</summary>
    private async Task<(Guid Point, List<(string Card, string Name, bool Free)> Diners)> ArrangeAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var village = await db.Set<ServicePoint>().Where(p => p.Name == "鼓楼食堂").Select(p => p.RegionCode).SingleAsync();
        var point = new ServicePoint("鼓楼食堂（测试全天）", village);
        point.Describe("鼓楼食堂（测试全天）", village, "G村鼓楼", null, 60, [new MealSession("全天", TimeOnly.MinValue, TimeOnly.MaxValue)], active: true);
        db.Add(point);
        await db.SaveChangesAsync();
        var elders = await db.Set<Elder>().Where(e => e.VillageCode == village && e.ServiceCardNumber != null).OrderBy(e => e.Name).Take(60).ToListAsync();
        var today = ChinaTime.Day(browser.App.Clock.GetUtcNow().UtcDateTime);
        var poor = elders.Where(e => e.Categories.Contains(ElderCategory.SubsistenceAllowance)).Take(3);
        var others = elders.Where(e => !e.Categories.Contains(ElderCategory.SubsistenceAllowance) && !e.Categories.Contains(ElderCategory.ExtremePoverty) && e.AgeOn(today) < 80).Take(10 - poor.Count());
        var diners = poor.Select(e => (e.ServiceCardNumber!, e.Name, true)).Concat(others.Select(e => (e.ServiceCardNumber!, e.Name, false))).ToList();
        Assert.Equal(10, diners.Count);
        return (point.Id, diners);
    }

    [Fact]
    public async Task AVolunteer_OnAPhone_ChecksInTenEldersInUnderAMinute_AndSeesPricesSubsidiesAndRefusals()
    {
        var (point, diners) = await ArrangeAsync();
        var page = await browser.NewPhonePageAsync();
        await BrowserFixture.SignInAsync(page, "volunteer");
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GotoAsync("/services/canteen");
        await BrowserFixture.WaitForAppAsync(page);
        await page.Locator("[data-testid=card]").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync($"/services/canteen/{point}");
        await BrowserFixture.WaitForAppAsync(page);
        var card = page.GetByLabel("刷卡、扫码或输入服务卡号");
        await card.WaitForAsync();

        var watch = Stopwatch.StartNew();
        foreach (var (number, name, free) in diners)
        {
            await card.FillAsync(number);
            await card.PressAsync("Enter");
            var result = page.Locator("[data-testid=result]");
            await Assertions.Expect(result).ToContainTextAsync("已登记：" + name);
            await Assertions.Expect(page.Locator("[data-testid=to-pay]")).ToHaveTextAsync(free ? "¥0.00" : "¥10.00");
            if (free)
            {
                await Assertions.Expect(result).ToContainTextAsync("低保老人助餐免费");
            }
        }

        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), $"ten check-ins took {watch.Elapsed}");
        await Assertions.Expect(page.Locator("[data-testid=today]")).ToContainTextAsync("今天已就餐 10 人次");
        await BrowserFixture.AssertAccessibleAsync(page);

        // The same free diner again: allowed, at full price, with the reason.
        await card.FillAsync(diners[0].Card);
        await card.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=to-pay]")).ToHaveTextAsync("¥10.00");
        await Assertions.Expect(page.Locator("[data-testid=not-applied]")).ToHaveTextAsync("今天已享受过一次补贴，本次按原价。");

        // A mistyped card is refused with the reason, and nothing is recorded.
        await card.FillAsync("1000000000000008");
        await card.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=refusal]")).ToContainTextAsync("卡号 1000000000000008 查不到登记的老人");

        // No card: find by name and record.
        var spare = diners[^1].Name;
        await page.GetByLabel("没带卡？按姓名查找").FillAsync(spare);
        await page.ClickAsync("[data-testid=search]");
        await page.Locator("[data-testid=diners] button").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=result]")).ToContainTextAsync("已登记：" + spare);
        await Assertions.Expect(page.Locator("[data-testid=not-applied]")).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
