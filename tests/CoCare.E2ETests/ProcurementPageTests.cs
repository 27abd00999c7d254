using System.Globalization;
using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class ProcurementPageTests(BrowserFixture browser)
{
    private static async Task<IPage> SignedInAsync(BrowserFixture browser, string userName, string path)
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, userName);
        await page.GotoAsync(path);
        await BrowserFixture.WaitForAppAsync(page);
        return page;
    }

    private static async Task ExpectTextAsync(IPage page, string selector, string text)
    {
        await page.WaitForFunctionAsync(
            "([selector, text]) => { const e = document.querySelector(selector); return e && e.innerText.includes(text); }",
            new object[] { selector, text });
    }

    [Fact]
    public async Task Purchaser_GoesFromAnEmptyProjectToAnActiveContract_WithAProviderApplyingAndSigning()
    {
        var title = "E2E 村级助餐项目 " + Guid.NewGuid().ToString("N")[..4];

        // The purchaser drafts a project from the pre-filled form and publishes its call.
        var purchaser = await SignedInAsync(browser, "purchaser", "/procurement/projects");
        await BrowserFixture.AssertAccessibleAsync(purchaser);
        await purchaser.ClickAsync("[data-testid=new-project]");
        await purchaser.GetByLabel("项目名称").FillAsync(title);
        await purchaser.GetByLabel("预算（元）").FillAsync("20000");
        await BrowserFixture.AssertAccessibleAsync(purchaser);
        await purchaser.ClickAsync("[data-testid=save-project]");
        await ExpectTextAsync(purchaser, "[data-testid=project-status]", "草稿");
        await BrowserFixture.AssertAccessibleAsync(purchaser);
        var projectUrl = purchaser.Url;
        var deadline = (DateTime.UtcNow + browser.App.Clock.GetUtcNow().Subtract(DateTimeOffset.UtcNow) + TimeSpan.FromHours(8) + TimeSpan.FromMinutes(30))
            .ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await purchaser.Locator("input[type=datetime-local]").FillAsync(deadline);
        await purchaser.ClickAsync("[data-testid=publish-call]");
        await ExpectTextAsync(purchaser, "[data-testid=project-status]", "征集中");

        // The public sees the call without signing in.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/public/calls");
        await visitor.GetByRole(AriaRole.Heading, new() { Name = title }).WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(visitor);
        await visitor.Context.CloseAsync();

        // The demo provider applies.
        var provider = await SignedInAsync(browser, "provider", new Uri(projectUrl).AbsolutePath);
        await provider.GetByLabel("服务方案").FillAsync("依托鼓楼助餐点，社工与村委每周联合入户。");
        await provider.GetByLabel("服务团队").FillAsync("社工 3 名");
        await provider.GetByLabel("申报金额（元）").FillAsync("12000");
        await provider.ClickAsync("[data-testid=submit-application]");
        await provider.Locator("[data-testid=application]").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(provider);

        // After the deadline the purchaser scores, awards and makes the contract.
        browser.App.Clock.Shift(TimeSpan.FromMinutes(31));
        await purchaser.ReloadAsync();
        await BrowserFixture.WaitForAppAsync(purchaser);
        var application = purchaser.Locator("[data-testid=application]").First;
        var scoreInputs = application.Locator("input[type=text], input[inputmode]");
        for (var i = 0; i < await scoreInputs.CountAsync(); i++)
        {
            await scoreInputs.Nth(i).FillAsync("88");
        }

        await application.Locator("[data-testid=score]").ClickAsync();
        await ExpectTextAsync(purchaser, "[data-testid=ranking]", "88");
        await purchaser.GetByLabel("授予理由").FillAsync("评分第一，方案贴合村情。");
        await purchaser.ClickAsync("[data-testid=award]");
        await ExpectTextAsync(purchaser, "[data-testid=project-status]", "已确定中标");
        await purchaser.ClickAsync("[data-testid=create-contract]");
        await ExpectTextAsync(purchaser, "[data-testid=contract-status]", "待签署");
        Assert.Contains("暂无数据", await purchaser.Locator("[data-testid=kpis]").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(purchaser);
        await purchaser.ClickAsync("[data-testid=sign]");
        await purchaser.WaitForFunctionAsync("() => !document.querySelector('[data-testid=sign]')");
        Assert.Equal(0, await purchaser.Locator("[data-testid=activate]").CountAsync());
        var contractPath = new Uri(purchaser.Url).AbsolutePath;

        // The provider finds its contract and signs.
        await provider.GotoAsync("/procurement/contracts");
        await BrowserFixture.WaitForAppAsync(provider);
        await provider.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await provider.ClickAsync("[data-testid=sign]");
        await ExpectTextAsync(provider, "[data-testid=contract-status]", "已签署");
        await BrowserFixture.AssertAccessibleAsync(provider);

        // The purchaser puts it into force.
        await purchaser.GotoAsync(contractPath);
        await BrowserFixture.WaitForAppAsync(purchaser);
        await purchaser.ClickAsync("[data-testid=activate]");
        await ExpectTextAsync(purchaser, "[data-testid=contract-status]", "履行中");
        await purchaser.Context.CloseAsync();
        await provider.Context.CloseAsync();
    }

    [Fact]
    public async Task AProjectBreakingThePhaseRule_IsRefusedWithTheRuleInPlainWords()
    {
        var page = await SignedInAsync(browser, "purchaser", "/procurement/projects/new");
        await page.GetByLabel("项目名称").FillAsync("拨付比例错误的项目");
        await page.GetByLabel("预算（元）").FillAsync("20000");
        var share = page.GetByLabel("比例（%）").First;
        await share.FillAsync("50");
        await page.ClickAsync("[data-testid=save-project]");
        var problem = await page.Locator("[data-testid=problem]").InnerTextAsync();
        Assert.Contains("100%", problem, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
