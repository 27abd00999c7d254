using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class DirectoryPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_CreatesAnOrganization_AndFindsItBySearch()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin");
        await page.GotoAsync("/directory/organizations");
        await BrowserFixture.WaitForAppAsync(page);
        await page.GetByText("G村老人协会").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.ClickAsync("[data-testid=new]");
        await page.GetByLabel("名称").FillAsync("G村鼓楼食堂理事会");
        await page.ClickAsync("[data-testid=save]");
        await page.GetByText("G村鼓楼食堂理事会").WaitForAsync();

        await page.GetByLabel("搜索").FillAsync("理事会");
        await page.GetByLabel("搜索").PressAsync("Enter");
        await page.WaitForFunctionAsync("() => !document.body.innerText.includes('G村老人协会')");
        Assert.Equal(1, await page.GetByText("G村鼓楼食堂理事会").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EmptyName_IsRefusedWithAReadableMessage()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "purchaser");
        await page.GotoAsync("/directory/organizations");
        await BrowserFixture.WaitForAppAsync(page);
        await page.ClickAsync("[data-testid=new]");
        await page.ClickAsync("[data-testid=save]");
        var problem = await page.Locator("[data-testid=problem]").InnerTextAsync();
        Assert.Contains("不能为空", problem, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/directory/people", "人员", "社工")]
    [InlineData("/directory/regions", "行政区划", "三江侗族自治县")]
    [InlineData("/directory/accounts", "账号", "auditor")]
    public async Task DirectoryPages_ListTheDemoRecords_Accessibly(string path, string heading, string expected)
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin");
        await page.GotoAsync(path);
        await BrowserFixture.WaitForAppAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }).WaitForAsync();
        if (path == "/directory/people")
        {
            // The demo has hundreds of people (T city's care workers too): find the social workers as a user would.
            var search = page.GetByLabel("搜索").First;
            await search.FillAsync(expected);
            await search.PressAsync("Enter");
        }

        await page.GetByRole(AriaRole.Cell, new() { Name = expected }).First.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Accounts_AreHiddenFromNonAdministrators()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "purchaser");
        await page.GotoAsync("/directory/accounts");
        await page.GetByText("您没有权限访问此页面").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Equal(0, await page.GetByRole(AriaRole.Cell, new() { Name = "auditor" }).CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Auditor_VerifiesTheAuditChainFromTheAuditPage()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "auditor");
        await BrowserFixture.WaitForAppAsync(page);
        await page.ClickAsync("[data-nav='Nav.Audit']");
        await page.GetByRole(AriaRole.Heading, new() { Name = "审计日志" }).WaitForAsync();
        await page.ClickAsync("[data-testid=verify]");
        var result = await page.Locator("[data-testid=verify-result]").InnerTextAsync();
        Assert.Contains("哈希链完整", result, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
