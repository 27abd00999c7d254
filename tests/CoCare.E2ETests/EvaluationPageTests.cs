using CoCare.Data;
using CoCare.Evaluation.Domain;
using CoCare.Procurement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class EvaluationPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnEvaluator_ScoresTheDemoContractsFinalPhase_FromPulledEvidence_AndThePurchaserConfirmsAndPays()
    {
        // The demo's final evaluation and its payment are taken back, so the final phase is evaluated here as a new user would.
        Guid contractId;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            contractId = await db.Set<Contract>().Where(c => c.Title.StartsWith("G村鼓楼食堂")).Select(c => c.Id).SingleAsync();
            db.RemoveRange(await db.Set<PerformanceEvaluation>().Where(e => e.ContractId == contractId && e.Number == 2).ToListAsync());
            db.RemoveRange(await db.Set<Payment>().Where(p => p.ContractId == contractId && p.PhaseNumber == 3).ToListAsync());
            await db.SaveChangesAsync();
        }

        var purchaser = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(purchaser, "purchaser");
        await purchaser.GotoAsync("/evaluation");
        await Assertions.Expect(purchaser.Locator("[data-testid=evaluation]", new() { HasText = "中期评估" })).ToHaveCountAsync(1);
        await BrowserFixture.AssertAccessibleAsync(purchaser);
        var planned = purchaser.Locator("[data-testid=planned] option", new() { HasText = "G村鼓楼食堂" }).Filter(new() { HasText = "终期评估" });
        await purchaser.Locator("[data-testid=planned]").SelectOptionAsync(new SelectOptionValue { Value = await planned.GetAttributeAsync("value") });
        await purchaser.ClickAsync("[data-testid=commission]");
        await Assertions.Expect(purchaser.Locator("[data-testid=status]")).ToHaveTextAsync("已委托");
        var evaluationUrl = new Uri(purchaser.Url).AbsolutePath;

        var evaluator = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(evaluator, "evaluator");
        await evaluator.GotoAsync("/evaluation");
        await evaluator.Locator("[data-testid=evaluation]", new() { HasText = "G村鼓楼食堂" }).Locator("a", new() { HasText = "终期评估" }).ClickAsync();
        await evaluator.ClickAsync("[data-testid=pull]");
        await Assertions.Expect(evaluator.Locator("[data-testid=done]")).ToContainTextAsync("证据已提取");
        await Assertions.Expect(evaluator.Locator("[data-testid=figures]")).ToContainTextAsync("服务人次");
        await Assertions.Expect(evaluator.Locator("[data-testid=computed]").First).ToContainTextAsync("平台计分");
        await Assertions.Expect(evaluator.Locator("tr[data-code=E31] [data-testid=computed]")).ToContainTextAsync("满意度 为"); // the rule in the reader's words
        await Assertions.Expect(evaluator.Locator("[data-testid=phases]")).ToHaveCountAsync(0); // the evaluator sees the contract's evidence, not its money
        await BrowserFixture.AssertAccessibleAsync(evaluator);

        // A score above the maximum is refused with the reason; then every judgement indicator is scored with a comment.
        var first = evaluator.Locator("tr[data-testid=leaf]:has([data-testid=score-input])").First;
        await first.Locator("[data-testid=score-input]").EvaluateAsync("el => el.removeAttribute('max')");
        await first.Locator("[data-testid=score-input]").FillAsync("99");
        await first.Locator("[data-testid=comment-input]").FillAsync("超过分值");
        await first.Locator("[data-testid=save-score]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-testid=problem]")).ToContainTextAsync("得分须在 0 到");

        // A site photo supports the quality score.
        var quality = evaluator.Locator("tr[data-code=O21]");
        await quality.Locator("[data-testid=attach-file]").SetInputFilesAsync(new FilePayload { Name = "食堂现场.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47] });
        await quality.Locator("[data-testid=attach]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-testid=done]")).ToHaveTextAsync("附件已上传。");
        await Assertions.Expect(evaluator.Locator("tr[data-code=O21] [data-testid=attachment]")).ToHaveTextAsync("📎 食堂现场.png");
        for (var n = 0; n < 30; n++)
        {
            await evaluator.GotoAsync(evaluationUrl);
            var open = evaluator.Locator("tr[data-testid=leaf]:has([data-testid=score-input]):not(:has([data-testid=score-input][value]))");
            if (await open.CountAsync() == 0)
            {
                break;
            }

            var row = open.First;
            var max = await row.Locator("[data-testid=score-input]").GetAttributeAsync("max");
            await row.Locator("[data-testid=score-input]").FillAsync(max!);
            await row.Locator("[data-testid=comment-input]").FillAsync("抽查台账与工单一致");
            await row.Locator("[data-testid=save-score]").ClickAsync();
            await Assertions.Expect(evaluator.Locator("[data-testid=done]")).ToHaveTextAsync("已保存得分。");
        }

        await evaluator.ClickAsync("[data-testid=submit]");
        await Assertions.Expect(evaluator.Locator("[data-testid=status]")).ToHaveTextAsync("已提交");
        var total = await evaluator.Locator("[data-testid=total]").InnerTextAsync();
        Assert.Contains("优", total, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(evaluator);
        await evaluator.Context.CloseAsync();

        var provider = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(provider, "provider");
        await provider.GotoAsync(evaluationUrl);
        await provider.ClickAsync("[data-testid=accept]");
        await Assertions.Expect(provider.Locator("[data-testid=done]")).ToHaveTextAsync("已认可评价结果。");
        await provider.Context.CloseAsync();

        await purchaser.GotoAsync(evaluationUrl);
        await purchaser.ClickAsync("[data-testid=confirm]");
        await Assertions.Expect(purchaser.Locator("[data-testid=status]")).ToHaveTextAsync("已确认");
        var phase = purchaser.Locator("[data-testid=phase]", new() { HasText = "终期评估后拨付" });
        await Assertions.Expect(phase.Locator("[data-testid=payable]")).ToContainTextAsync("¥");
        await phase.Locator("[data-testid=approve]").ClickAsync();
        phase = purchaser.Locator("[data-testid=phase]", new() { HasText = "终期评估后拨付" });
        await phase.Locator("[data-testid=paid-on]").FillAsync(DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"));
        await phase.Locator("[data-testid=reference]").FillAsync("SJMZ-E2E-003");
        await phase.Locator("[data-testid=record-payment]").ClickAsync();
        await Assertions.Expect(purchaser.Locator("[data-testid=done]")).ToHaveTextAsync("已记录付款。");
        await BrowserFixture.AssertAccessibleAsync(purchaser);

        // The contract page shows the payment.
        await purchaser.GotoAsync($"/procurement/contracts/{contractId}");
        await Assertions.Expect(purchaser.Locator("[data-testid=phase-paid]", new() { HasText = "SJMZ-E2E-003" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(purchaser);
        await purchaser.Context.CloseAsync();
    }
}
