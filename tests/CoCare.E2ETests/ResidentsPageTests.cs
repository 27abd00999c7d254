using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class ResidentsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task ASocialWorker_OnAPhone_RecordsAHomeVisitWithTwoNeeds_AndAnAssessment()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.App.BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "provider");
        await page.GotoAsync("/residents/elders");
        await BrowserFixture.WaitForAppAsync(page);
        await page.Locator("[data-testid=masked-id]").First.WaitForAsync();
        var maskedIds = await page.Locator("[data-testid=masked-id]").AllInnerTextsAsync();
        Assert.All(maskedIds, id => Assert.Matches("^\\d{6}\\*{8}\\d{3}[\\dX]$", id.Trim()));
        await BrowserFixture.AssertAccessibleAsync(page);

        var firstElder = page.Locator("table a").First;
        var name = (await firstElder.InnerTextAsync()).Trim();
        await firstElder.ClickAsync();
        await page.ClickAsync("[data-testid=record-visit]");
        await page.Locator("[data-testid=visit-elder]").WaitForAsync();
        Assert.Contains(name, await page.Locator("[data-testid=visit-elder]").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("走访人").Nth(1).FillAsync("吴委员");
        await page.GetByLabel("观察记录").FillAsync("独居，腿脚不便，冰箱缺菜。");
        await page.ClickAsync("[data-testid=add-need]");
        await page.ClickAsync("[data-testid=add-need]");
        await page.GetByLabel("需求内容").Nth(0).FillAsync("每周送降压药");
        await page.GetByLabel("需求内容").Nth(1).FillAsync("希望食堂菜谱少盐");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.ClickAsync("[data-testid=save-visit]");

        await page.Locator("[data-testid=needs]").GetByText("每周送降压药").WaitForAsync();
        Assert.Contains("希望食堂菜谱少盐", await page.Locator("[data-testid=needs]").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        // Then an assessment: two assessors, two items lowered, dementia raises the level one step.
        await page.ClickAsync("[data-testid=assess]");
        await page.GetByLabel("评估员二").FillAsync("吴委员");
        await page.GetByLabel("平地行走 (0–4)").FillAsync("0");
        await page.GetByLabel("上下楼梯 (0–3)").FillAsync("0");
        await page.GetByLabel("确诊痴呆（F00–F03）").CheckAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.ClickAsync("[data-testid=save-assessment]");
        var result = await page.Locator("[data-testid=assessment-result]").InnerTextAsync();
        Assert.Contains("83", result, StringComparison.Ordinal);
        Assert.Contains("中度失能", result, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
