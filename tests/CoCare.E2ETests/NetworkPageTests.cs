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
        // The overdue task is listed first (generating the list from the contract, in the other test, may add more).
        var overdue = await page.Locator("tr[data-testid=overdue]").CountAsync();
        Assert.True(overdue >= 1);
        await Assertions.Expect(page.Locator("[data-testid=overdue-count]")).ToHaveTextAsync($"逾期任务 {overdue} 项");
        await Assertions.Expect(page.Locator("tr[data-testid=overdue]", new() { HasText = "2 号鼓楼老年活动室改造" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table[data-testid=tasks] tbody tr").First).ToHaveAttributeAsync("data-testid", "overdue");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThePurchaser_GeneratesTheListFromTheContract_AndTheProviderReportsProgressWithEvidence()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "purchaser");
        await BrowserFixture.WaitForAppAsync(page);
        await page.GotoAsync("/network?region=450226104201");
        var before = await page.Locator("table[data-testid=tasks] tbody tr").CountAsync();
        var drumTower = await page.Locator("[data-testid=project] option", new() { HasText = "G村鼓楼食堂" }).GetAttributeAsync("value");
        await page.Locator("[data-testid=project]").SelectOptionAsync(drumTower!);
        await page.Locator("[data-testid=generate]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已从合同生成 8 项任务。");
        await Assertions.Expect(page.Locator("table[data-testid=tasks] tbody tr")).ToHaveCountAsync(before + 8);
        await Assertions.Expect(page.Locator("table[data-testid=tasks]")).ToContainTextAsync("配合完成中期评估");

        // Generating again adds nothing: each deliverable is listed once.
        await page.Locator("[data-testid=project]").SelectOptionAsync(drumTower!);
        await page.Locator("[data-testid=generate]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已从合同生成 0 项任务。");
        await Assertions.Expect(page.Locator("table[data-testid=tasks] tbody tr")).ToHaveCountAsync(before + 8);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();

        // The provider, responsible for the generated tasks, reports one done: without evidence it is refused.
        var provider = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(provider, "provider");
        await BrowserFixture.WaitForAppAsync(provider);
        await provider.GotoAsync("/network?region=450226104201");
        var row = provider.Locator("table[data-testid=tasks] tbody tr", new() { HasText = "配合完成中期评估" });
        await row.Locator("[data-testid=report-status]").SelectOptionAsync("Done");
        await row.Locator("[data-testid=report]").ClickAsync();
        await Assertions.Expect(provider.Locator("[data-testid=problem]")).ToContainTextAsync("佐证");
        row = provider.Locator("table[data-testid=tasks] tbody tr", new() { HasText = "配合完成中期评估" });
        await row.Locator("[data-testid=report-status]").SelectOptionAsync("Done");
        await row.Locator("[data-testid=report-evidence]").FillAsync("中期评估报告（2024-09）");
        await row.Locator("[data-testid=report]").ClickAsync();
        await Assertions.Expect(provider.Locator("[data-testid=done]")).ToHaveTextAsync("已更新任务进展。");
        row = provider.Locator("table[data-testid=tasks] tbody tr", new() { HasText = "配合完成中期评估" });
        await Assertions.Expect(row).ToContainTextAsync("已完成：中期评估报告（2024-09）");
        await Assertions.Expect(row.Locator("[data-testid=report]")).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(provider);
        await provider.Context.CloseAsync();
    }
}
