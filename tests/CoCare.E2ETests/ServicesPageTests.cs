using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class ServicesPageTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("zh-CN", "助餐", "低保老人助餐免费", "免费（每人每天限一次）")]
    [InlineData("en", "Meals", "低保老人助餐免费", "free (once per elder per day)")]
    public async Task TheCatalogue_ShowsServicesPricesAndTodaysSubsidyRules(string locale, string meal, string rule, string benefit)
    {
        var page = await browser.NewPageAsync(locale);
        await BrowserFixture.SignInAsync(page, "provider");
        await BrowserFixture.WaitForAppAsync(page);
        await page.ClickAsync("[data-nav='Nav.Services']");
        var catalogue = page.Locator("[data-testid=catalogue]");
        await catalogue.GetByRole(AriaRole.Rowheader).First.WaitForAsync();
        Assert.Contains(meal, await catalogue.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("¥10.00", await catalogue.InnerTextAsync(), StringComparison.Ordinal);
        var rules = await page.Locator("[data-testid=rules]").InnerTextAsync();
        Assert.Contains(rule, rules, StringComparison.Ordinal);
        Assert.Contains(benefit, rules, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
