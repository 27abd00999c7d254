using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class NetworkPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task ThePurchaser_SeesTheVillagesLeverage_WithTheContributionsBehindIt_AndTheOverdueTask()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "purchaser");
        await BrowserFixture.WaitForAppAsync(page);
        await page.GotoAsync("/network?region=450226104201");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "共建网络：投入与分工" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=ratio]")).ToHaveTextAsync("0.44");
        var rows = page.Locator("[data-testid=contributions] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("[data-testid=contributions]")).ToContainTextAsync("1260 小时 × ¥15.00/小时");
        await Assertions.Expect(page.Locator("[data-testid=overdue-count]")).ToHaveTextAsync("逾期任务 1 项");
        await Assertions.Expect(page.Locator("tr[data-testid=overdue]")).ToContainTextAsync("2 号鼓楼老年活动室改造");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
