using CoCare.Data;
using CoCare.Residents.Domain;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class VoiceTests(BrowserFixture browser)
{
    /// <summary>A point open all day, and an elder of G village with a card whose name no one else in the village has (from the end of the list, away from the counter test's diners).</summary>
    private async Task<(Guid Point, string Card, string Name)> ArrangeAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var village = await db.Set<ServicePoint>().Where(p => p.Name == "鼓楼食堂").Select(p => p.RegionCode).SingleAsync();
        var point = new ServicePoint("鼓楼食堂（议事测试）", village);
        point.Describe("鼓楼食堂（议事测试）", village, "G村鼓楼", null, 60, [new MealSession("全天", TimeOnly.MinValue, TimeOnly.MaxValue)], active: true);
        db.Add(point);
        await db.SaveChangesAsync();
        var elders = await db.Set<Elder>().Where(e => e.VillageCode == village && e.ServiceCardNumber != null).Select(e => new { e.Name, e.ServiceCardNumber }).ToListAsync();
        var elder = elders.GroupBy(e => e.Name).Where(g => g.Count() == 1).Select(g => g.Single()).OrderByDescending(e => e.Name, StringComparer.Ordinal).First();
        return (point.Id, elder.ServiceCardNumber!, elder.Name);
    }

    [Fact]
    public async Task AVillageCadre_HoldsAnAssembly_WhoseDecisionBecomesACanteenRule_ThatTheCounterApplies()
    {
        var (point, card, name) = await ArrangeAsync();
        var title = "G村村民大会（测试）" + Guid.NewGuid().ToString("N")[..4];
        var decision = $"{name}暂不享受助餐服务";

        var cadre = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(cadre, "village");
        await BrowserFixture.WaitForAppAsync(cadre);
        await cadre.ClickAsync("[data-nav='Nav.Voice']");
        await Assertions.Expect(cadre.GetByRole(AriaRole.Heading, new() { Name = "议事协商", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(cadre);

        // Convene with a roll of five households, open, take attendance of three (a quorum: more than half).
        await cadre.GetByText("召集会议或村民大会").ClickAsync();
        await cadre.GetByLabel("会议名称").FillAsync(title);
        await cadre.GetByLabel("地点").FillAsync("G村1号鼓楼");
        await cadre.Locator("[data-testid=roll]").FillAsync("户代表甲，1组1户\n户代表乙，1组2户\n户代表丙，1组3户\n户代表丁，1组4户\n户代表戊，1组5户");
        await cadre.Locator("[data-testid=schedule]").ClickAsync();
        await Assertions.Expect(cadre.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await cadre.Locator("[data-testid=open]").ClickAsync();
        await Assertions.Expect(cadre.Locator("[data-testid=done]")).ToHaveTextAsync("会议已开始。");
        foreach (var who in new[] { "户代表甲", "户代表乙", "户代表丙" })
        {
            var row = cadre.Locator("[data-testid=participant]", new() { HasText = who });
            await row.Locator("[data-testid=attendance-select]").SelectOptionAsync("InPerson");
            await row.Locator("[data-testid=mark]").ClickAsync();
            await Assertions.Expect(cadre.Locator("[data-testid=done]")).ToHaveTextAsync("出席已登记。");
        }

        await Assertions.Expect(cadre.Locator("[data-testid=quorum]")).ToContainTextAsync("已达法定人数");

        // The motion, the hand count, the computed result.
        await cadre.Locator("[data-testid=motion-text]").FillAsync(decision);
        await cadre.Locator("[data-testid=put-motion]").ClickAsync();
        var counts = cadre.Locator("[data-testid=count]");
        await counts.Nth(0).FillAsync("2");
        await counts.Nth(1).FillAsync("1");
        await cadre.Locator("[data-testid=tally]").ClickAsync();
        await Assertions.Expect(cadre.Locator("[data-testid=done]")).ToHaveTextAsync("计票已录入。");
        await cadre.Locator("[data-testid=close-motion]").ClickAsync();
        await Assertions.Expect(cadre.Locator("[data-testid=result]")).ToContainTextAsync("同意 2，不同意 1，弃权 0");
        await Assertions.Expect(cadre.Locator("[data-testid=result]")).ToContainTextAsync("通过");

        // The decision becomes a rule for the named elder.
        await cadre.Locator("[data-testid=rule-kind]").SelectOptionAsync("CanteenExclusion");
        await cadre.Locator("[data-testid=rule-elder]").FillAsync(name);
        await cadre.Locator("[data-testid=make-rule]").ClickAsync();
        await Assertions.Expect(cadre.Locator("[data-testid=done]")).ToHaveTextAsync("规则已设立，即时生效。");
        await Assertions.Expect(cadre.Locator("[data-testid=rule]")).ToContainTextAsync("生效中");
        await BrowserFixture.AssertAccessibleAsync(cadre);

        // At the counter the elder's card is refused, naming the decision and the assembly.
        var counter = await browser.NewPhonePageAsync();
        await BrowserFixture.SignInAsync(counter, "volunteer");
        await counter.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await counter.GotoAsync($"/services/canteen/{point}");
        await BrowserFixture.WaitForAppAsync(counter);
        var input = counter.GetByLabel("刷卡、扫码或输入服务卡号");
        await input.FillAsync(card);
        await input.PressAsync("Enter");
        await Assertions.Expect(counter.Locator("[data-testid=refusal]")).ToContainTextAsync(decision);
        await Assertions.Expect(counter.Locator("[data-testid=refusal]")).ToContainTextAsync(title);
        await counter.Context.CloseAsync();

        // A later change of mind: withdrawn, the rule no longer applies.
        await cadre.GetByLabel("撤销理由").FillAsync("已补出工");
        await cadre.GetByRole(AriaRole.Button, new() { Name = "撤销决议" }).ClickAsync();
        await Assertions.Expect(cadre.Locator("[data-testid=done]")).ToHaveTextAsync("决议已撤销，其规则不再适用。");
        await Assertions.Expect(cadre.Locator("[data-testid=rule]")).ToContainTextAsync("未生效");
        await cadre.Context.CloseAsync();
    }

    [Fact]
    public async Task AResident_ComplainsWithoutSigningIn_AndFollowsItToTheAnswer()
    {
        // The public form on a phone, from the canteen's QR code; the text keeps markup as plain text.
        const string text = "饭菜偏咸 <script>alert(1)</script>";
        var resident = await browser.NewPhonePageAsync();
        await resident.GotoAsync("/public/feedback");
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "意见反馈与投诉" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(resident);
        await resident.Locator("[data-testid=kind-Complaint]").CheckAsync();
        await resident.Locator("[data-testid=text]").FillAsync(text);
        await resident.GetByLabel("联系电话（可不填，便于回访）").FillAsync("13912345678");
        await resident.Locator("[data-testid=send]").ClickAsync();
        await Assertions.Expect(resident.Locator("[data-testid=sent]")).ToContainTextAsync("查询码");
        var code = await resident.Locator("[data-testid=tracking-code]").InnerTextAsync();
        await Assertions.Expect(resident.Locator("[data-testid=text]")).ToHaveTextAsync(text);
        await Assertions.Expect(resident.Locator("[data-testid=status]")).ToHaveTextAsync("已收到");
        await BrowserFixture.AssertAccessibleAsync(resident);

        // The purchaser assigns it to the provider; the provider answers and resolves it.
        var purchaser = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(purchaser, "purchaser");
        await BrowserFixture.WaitForAppAsync(purchaser);
        await purchaser.GotoAsync("/voice/feedback?q=" + code);

        // The desk offers each service point's QR code to print; it is an SVG for the signed-in staff member.
        var qrHref = await purchaser.Locator("[data-testid=qr-link]").First.GetAttributeAsync("href");
        var qr = await purchaser.Context.APIRequest.GetAsync(qrHref!);
        Assert.Equal(200, qr.Status);
        Assert.Contains("<svg", await qr.TextAsync(), StringComparison.Ordinal);
        await purchaser.Locator("[data-testid=feedback] a").First.ClickAsync();
        await Assertions.Expect(purchaser.Locator("[data-testid=text]")).ToHaveTextAsync(text);
        await purchaser.Locator("[data-testid=assign-to]").SelectOptionAsync(new SelectOptionValue { Label = "柳州市鼓楼社会工作服务中心" });
        await purchaser.Locator("[data-testid=assign]").ClickAsync();
        await Assertions.Expect(purchaser.Locator("[data-testid=assigned]")).ToHaveTextAsync("柳州市鼓楼社会工作服务中心");
        await BrowserFixture.AssertAccessibleAsync(purchaser);
        await purchaser.Context.CloseAsync();

        var provider = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(provider, "provider");
        await BrowserFixture.WaitForAppAsync(provider);
        await provider.GotoAsync("/voice/feedback?mine=true&q=" + code);
        await provider.Locator("[data-testid=feedback] a").First.ClickAsync();
        await provider.Locator("[data-testid=answer-text]").FillAsync("已请厨师减盐，下周回访您。");
        await provider.Locator("[data-testid=send-answer]").ClickAsync();
        await Assertions.Expect(provider.Locator("[data-testid=status]")).ToHaveTextAsync("已办结");
        await provider.Context.CloseAsync();

        // The resident follows it with the code, sees the answer and rates the handling.
        await resident.GotoAsync("/public/feedback/track?code=" + code);
        await Assertions.Expect(resident.Locator("[data-testid=answer]")).ToContainTextAsync("已请厨师减盐，下周回访您。");
        await resident.Locator("[data-testid=rate-5]").CheckAsync();
        await resident.Locator("[data-testid=rate]").ClickAsync();
        await Assertions.Expect(resident.Locator("[data-testid=rated]")).ToContainTextAsync("非常满意");
        await BrowserFixture.AssertAccessibleAsync(resident);
        await resident.Context.CloseAsync();
    }
}
