using CoCare.Data;
using CoCare.Evaluation.Domain;
using CoCare.Procurement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class MoneyTrailTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheProviderRecordsSpendingWithAReceipt_AndTheAuditorFollowsAndReviewsTheMoneyTrail()
    {
        Guid contractId;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            contractId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Contract>().Where(c => c.Title.StartsWith("G村鼓楼食堂")).Select(c => c.Id).SingleAsync();
        }

        var provider = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(provider, "provider");
        await provider.GotoAsync("/evaluation");
        await provider.Locator("[data-testid=contract-money]", new() { HasText = "G村鼓楼食堂" }).ClickAsync();
        await Assertions.Expect(provider.Locator("[data-testid=budget]")).ToContainTextAsync("助餐服务");
        await BrowserFixture.AssertAccessibleAsync(provider);

        // A bad amount is refused with the reason and records nothing; a good one with its receipt is recorded.
        await provider.Locator("[data-testid=amount]").FillAsync("-5");
        await provider.Locator("[data-testid=spent-on]").FillAsync(DateTime.UtcNow.AddHours(8).AddDays(-2).ToString("yyyy-MM-dd"));
        await provider.Locator("[data-testid=what]").FillAsync("村民活动茶水");
        await provider.ClickAsync("[data-testid=record]");
        await Assertions.Expect(provider.Locator("[data-testid=problem]")).ToContainTextAsync("金额须大于 0");
        var before = await provider.Locator("[data-testid=expenditure]").CountAsync();
        await provider.Locator("[data-testid=line]").SelectOptionAsync("精神慰藉与活动");
        await provider.Locator("[data-testid=amount]").FillAsync("356.50");
        await provider.Locator("[data-testid=spent-on]").FillAsync(DateTime.UtcNow.AddHours(8).AddDays(-2).ToString("yyyy-MM-dd"));
        await provider.Locator("[data-testid=what]").FillAsync("村民活动茶水");
        await provider.Locator("[data-testid=receipt]").SetInputFilesAsync(new FilePayload { Name = "茶水发票.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 e2e"u8.ToArray() });
        await provider.ClickAsync("[data-testid=record]");
        await Assertions.Expect(provider.Locator("[data-testid=done]")).ToHaveTextAsync("支出已记录。");
        await Assertions.Expect(provider.Locator("[data-testid=expenditure]")).ToHaveCountAsync(before + 1);
        await provider.Context.CloseAsync();

        // The auditor sees the queried duplicate receipt and rejects it with the reason.
        var auditor = await browser.NewPageAsync("en");
        await BrowserFixture.SignInAsync(auditor, "auditor");
        await auditor.GotoAsync($"/evaluation/contracts/{contractId}/money");
        var duplicate = auditor.Locator("[data-testid=expenditure]", new() { HasText = "Receipt used twice" });
        await Assertions.Expect(duplicate).ToHaveCountAsync(1);
        await BrowserFixture.AssertAccessibleAsync(auditor);
        await duplicate.Locator("[data-testid=decision]").SelectOptionAsync("Reject");
        await duplicate.Locator("[data-testid=review-button]").ClickAsync();
        await Assertions.Expect(auditor.Locator("[data-testid=problem]")).ToContainTextAsync("reason");
        duplicate = auditor.Locator("[data-testid=expenditure]", new() { HasText = "Receipt used twice" });
        await duplicate.Locator("[data-testid=decision]").SelectOptionAsync("Reject");
        await duplicate.Locator("[data-testid=note]").FillAsync("Reimbursed twice");
        await duplicate.Locator("[data-testid=review-button]").ClickAsync();
        await Assertions.Expect(auditor.Locator("[data-testid=expenditure]", new() { HasText = "Reimbursed twice" }).Locator("[data-testid=review]")).ToContainTextAsync("Rejected");
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await db.Set<Expenditure>().AnyAsync(x => x.ContractId == contractId && x.Description == "村民活动茶水" && x.AmountFen == 35_650 && x.Receipt != null));
        }

        await auditor.Context.CloseAsync();
    }
}
