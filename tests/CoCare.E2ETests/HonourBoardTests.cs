using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class HonourBoardTests(BrowserFixture browser)
{
    [Fact]
    public async Task AVillager_OpensTheHonourBoard_WithoutSigningIn_AndAVolunteerPrintsTheirCertificate()
    {
        // On a phone, without an account: the villages with a board, then G village's board.
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/public/honour-board");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "志愿者光荣榜" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("[data-testid=board-link]").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "G村志愿者光荣榜" })).ToBeVisibleAsync();
        var rows = page.Locator("[data-testid=honour-row]");
        Assert.True(await rows.CountAsync() >= 5);
        await Assertions.Expect(rows.First).ToContainTextAsync("小时");
        await Assertions.Expect(page.Locator("[data-testid=honour]")).ToContainTextAsync("送餐");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();

        // The volunteer finds the certificate on their own page; it states the confirmed hours.
        var volunteer = await browser.NewPhonePageAsync();
        await BrowserFixture.SignInAsync(volunteer, "volunteer");
        await volunteer.GotoAsync("/volunteer");
        await volunteer.Locator("[data-testid=certificate-link]").ClickAsync();
        await Assertions.Expect(volunteer.GetByRole(AriaRole.Heading, new() { Name = "志愿服务证明" })).ToBeVisibleAsync();
        await Assertions.Expect(volunteer.Locator("[data-testid=certificate-text]")).ToContainTextAsync("经确认服务时长");
        await BrowserFixture.AssertAccessibleAsync(volunteer);
        await volunteer.Context.CloseAsync();
    }
}
