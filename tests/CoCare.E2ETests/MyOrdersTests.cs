using CoCare.Data;
using CoCare.Residents.Domain;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class MyOrdersTests(BrowserFixture browser)
{
    [Fact]
    public async Task AVolunteer_OnAPhone_AcceptsChecksInAndOut_WhereThePhoneIs_AndCompletesWithTheElderCode()
    {
        string code, elderName;
        Guid orderId;
        (double, double) home;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var volunteer = await db.Users.SingleAsync(u => u.UserName == "volunteer");
            var elder = await db.Set<Elder>().Where(e => e.Latitude != null).OrderBy(e => e.Name).Skip(7).FirstAsync();
            (code, elderName, home) = (elder.CardConfirmationCode!, elder.Name, (elder.Latitude!.Value, elder.Longitude!.Value));
            var order = new ServiceOrder(elder.Id, elder.VillageCode, "Companionship", OrderSource.Phone, null, browser.App.Clock.GetUtcNow().UtcDateTime, "provider",
                browser.App.Clock.GetUtcNow().UtcDateTime);
            order.NameElder(elder.Name);
            order.Assign(volunteer.Id, volunteer.DisplayName ?? "volunteer");
            db.Add(order);
            await db.SaveChangesAsync();
            orderId = order.Id;
        }

        // The phone is at the elder's door (about 20 m off).
        var page = await browser.NewPhonePageAsync(location: (home.Item1 + 0.0002, home.Item2));
        await BrowserFixture.SignInAsync(page, "volunteer");
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GotoAsync("/services/my-orders");
        await BrowserFixture.WaitForAppAsync(page);
        var card = page.Locator("[data-testid=order]").Filter(new() { HasText = elderName });
        await card.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await card.Locator("[data-testid=accept]").ClickAsync();
        await Assertions.Expect(card.Locator("[data-testid=status]")).ToHaveTextAsync("已接单");
        await card.Locator("[data-testid=check-in]").ClickAsync();
        await Assertions.Expect(card.Locator("[data-testid=status]")).ToHaveTextAsync("服务中");
        await card.Locator("[data-testid=check-out]").ClickAsync();
        await card.GetByLabel("请老人看服务卡，输入卡上的 4 位确认码").FillAsync(code == "0000" ? "1111" : "0000");
        await card.Locator("[data-testid=complete]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=problem]")).ToContainTextAsync("确认码不对");
        await card.GetByLabel("请老人看服务卡，输入卡上的 4 位确认码").FillAsync(code);
        await card.Locator("[data-testid=complete]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync(elderName + "：已完成");
        await Assertions.Expect(card).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var done = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ServiceOrder>().AsNoTracking().SingleAsync(o => o.Id == orderId);
            var at = Assert.IsType<CoCare.Kernel.GeoPoint>(done.CheckInPoint);
            Assert.InRange(at.MetersTo(new CoCare.Kernel.GeoPoint(home.Item1, home.Item2)), 0, 50);
            Assert.NotNull(done.CheckOutPoint);
            Assert.DoesNotContain(FraudRules.FarFromElder, done.FraudSignals);
        }

        // The elder rates the service on the same phone: one question, five big buttons; a reload does not rate twice.
        await page.Locator("[data-testid=rate-link]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "服务评价" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("[data-testid=score-5]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已记下评价：非常满意。谢谢！");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=score-5]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
