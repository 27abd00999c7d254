using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class SignInTests(BrowserFixture browser)
{
    public static TheoryData<string, string[], string[]> RoleNavigation => new()
    {
        { "admin", ["Nav.Directory", "Nav.Accounts", "Nav.Procurement", "Nav.Audit"], [] },
        { "purchaser", ["Nav.Directory", "Nav.Procurement", "Nav.Evaluation", "Nav.Alerts"], ["Nav.Accounts", "Nav.Audit", "Nav.MyAlerts"] },
        { "provider", ["Nav.Procurement", "Nav.Residents", "Nav.Services"], ["Nav.Accounts", "Nav.Audit"] },
        { "village", ["Nav.Residents", "Nav.Voice", "Nav.Alerts"], ["Nav.Procurement", "Nav.Audit"] },
        { "association", ["Nav.Residents", "Nav.Volunteers", "Nav.Voice"], ["Nav.Services", "Nav.Audit"] },
        { "volunteer", ["Nav.MyShifts", "Nav.Services", "Nav.MyAlerts"], ["Nav.Procurement", "Nav.Evaluation", "Nav.Audit", "Nav.Accounts", "Nav.Volunteers", "Nav.Alerts"] },
        { "evaluator", ["Nav.Procurement", "Nav.Evaluation"], ["Nav.Residents", "Nav.Audit"] },
        { "auditor", ["Nav.Audit", "Nav.Evaluation"], ["Nav.Accounts", "Nav.Residents"] },
    };

    [Theory]
    [MemberData(nameof(RoleNavigation))]
    public async Task EachDemoRole_SignsIn_AndSeesItsNavigation(string userName, string[] visible, string[] hidden)
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, userName);
        await BrowserFixture.WaitForAppAsync(page);

        var entries = await page.Locator("[data-nav]").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-nav'))");
        Assert.All(visible, key => Assert.Contains(key, entries));
        Assert.All(hidden, key => Assert.DoesNotContain(key, entries));
        Assert.Contains(userName, await page.Locator("[data-testid=current-user]").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LoginPage_IsAccessibleAndAgeFriendly_AndAWrongPasswordSaysSoPlainly()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await BrowserFixture.AssertAccessibleAsync(page);
        var fontSize = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontSize");
        Assert.True(double.Parse(fontSize.Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 18, "body text is at least 18px on pages elders use");

        await BrowserFixture.SignInAsync(page, "admin", "not-the-password");
        var error = await page.Locator("[data-testid=login-error]").InnerTextAsync();
        Assert.Contains("用户名或密码错误", error, StringComparison.Ordinal);
        Assert.EndsWith("/account/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LanguageSwitch_ShowsEnglish_AndTheChoiceSticks()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin");
        await BrowserFixture.WaitForAppAsync(page);
        Assert.Equal("首页", (await page.Locator("[data-nav='Nav.Home']").InnerTextAsync()).Trim());

        await page.ClickAsync("[data-testid=lang-switch]");
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        await BrowserFixture.WaitForAppAsync(page);
        Assert.Equal("Home", (await page.Locator("[data-nav='Nav.Home']").InnerTextAsync()).Trim());
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));

        await page.GotoAsync("/directory/organizations");
        await BrowserFixture.WaitForAppAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Organizations" }).WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SigningOut_ReturnsToTheSignInPage_AndPagesNeedSignInAgain()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "village");
        await BrowserFixture.WaitForAppAsync(page);
        await page.ClickAsync("form[action='/account/logout'] button");
        await page.WaitForURLAsync("**/account/login");
        await page.GotoAsync("/directory/organizations");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
