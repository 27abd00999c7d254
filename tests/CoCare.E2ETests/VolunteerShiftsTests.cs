using System.Globalization;
using CoCare.Data;
using CoCare.Kernel;
using CoCare.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class VolunteerShiftsTests(BrowserFixture browser)
{
    [Fact]
    public async Task ACoordinator_PostsAShift_AVolunteerSignsUpAndChecksInAndOutOnAPhone_AndTheConfirmedHourIsCredited()
    {
        var title = "帮厨测试 " + Guid.NewGuid().ToString("N")[..5];
        var start = browser.App.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        var (day, from) = (ChinaTime.Day(start), ChinaTime.TimeOfDay(start));

        // The village committee posts the shift on a phone.
        var coordinator = await browser.NewPhonePageAsync();
        await BrowserFixture.SignInAsync(coordinator, "village");
        await coordinator.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await coordinator.GotoAsync("/volunteers/shifts");
        await BrowserFixture.AssertAccessibleAsync(coordinator);
        var form = coordinator.Locator("details.cc-counter-details");
        if (await form.GetAttributeAsync("open") is null)
        {
            await coordinator.GetByText("发布新班次").ClickAsync();
        }

        await coordinator.GetByLabel("做什么").FillAsync(title);
        await coordinator.GetByLabel("在哪里").FillAsync("G村鼓楼食堂");
        await coordinator.GetByLabel("日期").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await coordinator.GetByLabel("开始（北京时间）").FillAsync(from.ToString("HH:mm", CultureInfo.InvariantCulture));
        await coordinator.GetByLabel("结束（北京时间）").FillAsync(from.AddHours(2).ToString("HH:mm", CultureInfo.InvariantCulture));
        await coordinator.GetByLabel("名额").FillAsync("2");
        await coordinator.Locator("[data-testid=post]").ClickAsync();
        await Assertions.Expect(coordinator.Locator("[data-testid=posted]")).ToContainTextAsync(title);
        var posted = coordinator.Locator("[data-testid=shift]").Filter(new() { HasText = title });
        await Assertions.Expect(posted.Locator("[data-testid=taken]")).ToHaveTextAsync("已报 0/2，候补 0");
        await BrowserFixture.AssertAccessibleAsync(coordinator);

        // The volunteer signs up, checks in and out.
        var volunteer = await browser.NewPhonePageAsync();
        await BrowserFixture.SignInAsync(volunteer, "volunteer");
        await volunteer.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await volunteer.GotoAsync("/volunteer");
        var balance = decimal.Parse(await volunteer.Locator("[data-testid=balance]").InnerTextAsync(), CultureInfo.InvariantCulture);
        await BrowserFixture.AssertAccessibleAsync(volunteer);
        var open = volunteer.Locator("[data-testid=open-shift]").Filter(new() { HasText = title });
        await Assertions.Expect(open.Locator("[data-testid=places]")).ToHaveTextAsync("还剩 2 个名额");
        await open.Locator("[data-testid=sign-up]").ClickAsync();
        await Assertions.Expect(volunteer.Locator("[data-testid=done]")).ToHaveTextAsync("已报名，有名额");
        var mine = volunteer.Locator("[data-testid=my-shift]").Filter(new() { HasText = title });
        await mine.Locator("[data-testid=check-in]").ClickAsync();
        await Assertions.Expect(mine.Locator("[data-testid=state]")).ToContainTextAsync("已签到");
        await mine.Locator("[data-testid=check-out]").ClickAsync();
        await Assertions.Expect(mine.Locator("[data-testid=state]")).ToContainTextAsync("已签退，等待协调员确认");
        await BrowserFixture.AssertAccessibleAsync(volunteer);

        // The coordinator confirms an hour; the volunteer's balance shows it.
        await coordinator.ReloadAsync();
        await coordinator.Locator("[data-testid=shift]").Filter(new() { HasText = title }).GetByRole(AriaRole.Link).ClickAsync();
        var row = coordinator.Locator("[data-testid=signup]");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.Locator("[data-testid=minutes]").FillAsync("60");
        await row.Locator("[data-testid=confirm]").ClickAsync();
        await Assertions.Expect(coordinator.Locator("[data-testid=done]")).ToContainTextAsync("确认 1 小时");
        await Assertions.Expect(row.Locator("[data-testid=confirmed]")).ToHaveTextAsync("已确认 1 小时");
        await BrowserFixture.AssertAccessibleAsync(coordinator);

        await volunteer.ReloadAsync();
        await Assertions.Expect(volunteer.Locator("[data-testid=balance]")).ToHaveTextAsync((balance + 1).ToString("0.##", CultureInfo.InvariantCulture));
        await Assertions.Expect(volunteer.Locator("[data-testid=my-shift]").Filter(new() { HasText = title })).ToHaveCountAsync(0);
        await coordinator.Context.CloseAsync();
        await volunteer.Context.CloseAsync();
    }

    [Fact]
    public async Task AVolunteer_SeesWhyASignUpIsRefused_InTheirLanguage()
    {
        var title = "Haircuts " + Guid.NewGuid().ToString("N")[..5];
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var project = await db.Set<TimeAccount>().Where(a => a.Kind == AccountKind.ProjectBank).Select(a => a.OwnerId).FirstAsync();
            var start = browser.App.Clock.GetUtcNow().UtcDateTime.AddDays(2);
            var shift = new Shift(project, "450226104201", "village", browser.App.Clock.GetUtcNow().UtcDateTime);
            shift.Describe(title, "G村鼓楼", start, start.AddHours(2), [Skill.Driving], 2, 1m);
            db.Add(shift);
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPhonePageAsync("en");
        await BrowserFixture.SignInAsync(page, "volunteer");
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GotoAsync("/volunteer");
        var open = page.Locator("[data-testid=open-shift]").Filter(new() { HasText = title });
        await open.Locator("[data-testid=sign-up]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=problem]")).ToContainTextAsync("does not have the skills this shift needs");
        await Assertions.Expect(page.Locator("[data-testid=open-shift]").Filter(new() { HasText = title })).ToHaveCountAsync(1);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
