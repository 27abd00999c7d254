using System.Net.Http.Json;
using System.Text.Json;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class EvaluationTests(SharedApps apps)
{
    private static async Task<Guid> EvaluatorOrganizationAsync(CoCareApp app) => await ProcurementScenario.OrganizationIdAsync(app, "广西公益服务评估中心");

    private static async Task<JsonElement> DefaultSystemAsync(HttpClient client) =>
        (await HttpAssert.JsonAsync(await client.GetAsync("/api/v1/evaluation/indicator-systems"))).EnumerateArray().Single(s => s.GetProperty("isDefault").GetBoolean());

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnEvaluation_IsScoredFromFrozenEvidence_Confirmed_AndItsScoreDecidesThePayment_ShownOnTheContractAndInOcds(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        using var evaluator = await app.ClientAsync("evaluator");
        var (contractId, provider, _) = await EvaluationScenario.ContractInForceAsync(app);
        using var _provider = provider;
        var template = await DefaultSystemAsync(purchaser);
        Assert.Equal(100m, template.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("parent").ValueKind == JsonValueKind.Null).Sum(i => i.GetProperty("maxScore").GetDecimal()));
        var system = await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync("/api/v1/evaluation/indicator-systems",
            new { name = "本县养老服务项目指标体系", basedOn = template.GetProperty("id").GetGuid() }), 201);
        var systemId = system.GetProperty("id").GetGuid();

        var commissioned = await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync("/api/v1/evaluation/evaluations",
            new { contractId, evaluationNumber = 1, evaluatorOrganizationId = await EvaluatorOrganizationAsync(app), indicatorSystemId = systemId, appealDays = 5 }), 201);
        var id = commissioned.GetProperty("id").GetGuid();
        Assert.Equal("Commissioned", commissioned.GetProperty("status").GetString());

        // The system in use is frozen: revising it is refused, a new version is made instead.
        var indicators = system.GetProperty("indicators");
        await HttpAssert.ProblemAsync(await purchaser.PutAsJsonAsync($"/api/v1/evaluation/indicator-systems/{systemId}",
            new { name = "改", indicators, version = system.GetProperty("version").GetInt64() }), 409);
        var v2 = await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync($"/api/v1/evaluation/indicator-systems/{systemId}/versions", new { name = "v2", indicators, version = 0 }), 201);
        Assert.Equal(2, v2.GetProperty("number").GetInt32());

        // Scoring before the evidence is refused; the evaluator pulls it: figures from the records, formula leaves scored with their reasons.
        await HttpAssert.ProblemAsync(await evaluator.PutAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/scores/D11", new { score = 5, comment = "充分" }), 409);
        var pulled = await HttpAssert.JsonAsync(await evaluator.PostAsync($"/api/v1/evaluation/evaluations/{id}/evidence", null));
        var evidence = pulled.GetProperty("evidence");
        Assert.True(evidence.GetProperty("figures").GetProperty("meals").GetDouble() > 0, "the demo's G-village meals in the period count");
        Assert.True(evidence.GetProperty("population").GetInt32() >= evidence.GetProperty("sample").GetArrayLength());
        Assert.Equal(30, evidence.GetProperty("sample").GetArrayLength());
        var scores = pulled.GetProperty("scores").EnumerateArray().ToList();
        var satisfaction = Assert.Single(scores, s => s.GetProperty("code").GetString() == "E31");
        Assert.True(satisfaction.GetProperty("computed").GetBoolean());
        Assert.Contains("satisfactionRate", satisfaction.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await evaluator.PutAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/scores/E31", new { score = 1, comment = "改" }), 409);

        // Bad scores change nothing; an unscored submission is refused with the count.
        var tooHigh = await HttpAssert.ProblemAsync(await evaluator.PutAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/scores/D11", new { score = 6, comment = "太高" }), 400);
        Assert.Contains("5", tooHigh.GetRawText(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await evaluator.PutAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/scores/D11", new { score = 4, comment = " " }), 400);
        var unscored = await HttpAssert.ProblemAsync(await evaluator.PostAsync($"/api/v1/evaluation/evaluations/{id}/submit", null), 400);
        Assert.Contains("未打分", unscored.GetRawText(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await purchaser.PutAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/scores/D11", new { score = 5, comment = "购买方不能打分" }), 403);

        var all = pulled.GetProperty("system").GetProperty("indicators").EnumerateArray().ToList();
        var computed = scores.Select(s => s.GetProperty("code").GetString()).ToHashSet();
        foreach (var leaf in all.Where(i => !all.Any(c => c.GetProperty("parent").GetString() == i.GetProperty("code").GetString()) && !computed.Contains(i.GetProperty("code").GetString())))
        {
            await HttpAssert.JsonAsync(await evaluator.PutAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/scores/{leaf.GetProperty("code").GetString()}",
                new { score = leaf.GetProperty("maxScore").GetDecimal() * 0.8m, comment = "抽查记录与台账一致，略有欠缺" }));
        }

        // The evaluator attaches evidence to a score; files of other kinds are refused; another evaluator sees nothing of it.
        using (var photo = new MultipartFormDataContent { { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]), "file", "食堂现场.png" } })
        {
            var attached = await HttpAssert.JsonAsync(await evaluator.PostAsync($"/api/v1/evaluation/evaluations/{id}/scores/O21/attachments", photo), 201);
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], await evaluator.GetByteArrayAsync($"/api/v1/evaluation/evaluations/{id}/attachments/{attached.GetProperty("id").GetGuid()}"));
        }

        using (var script = new MultipartFormDataContent { { new ByteArrayContent([1, 2]), "file", "run.exe" } })
        {
            await HttpAssert.ProblemAsync(await evaluator.PostAsync($"/api/v1/evaluation/evaluations/{id}/scores/O21/attachments", script), 400);
        }

        using var stranger = await EvaluationScenario.OtherEvaluatorAsync(app);
        await HttpAssert.ProblemAsync(await stranger.PutAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/scores/D11", new { score = 5, comment = "未受委托" }), 404);
        await HttpAssert.ProblemAsync(await stranger.GetAsync($"/api/v1/evaluation/evaluations/{id}"), 404);

        var submitted = await HttpAssert.JsonAsync(await evaluator.PostAsync($"/api/v1/evaluation/evaluations/{id}/submit", null));
        Assert.Equal("食堂现场.png", Assert.Single(submitted.GetProperty("attachments").EnumerateArray()).GetProperty("fileName").GetString());
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        var total = submitted.GetProperty("total").GetDecimal();
        Assert.Equal(submitted.GetProperty("scores").EnumerateArray().Sum(s => s.GetProperty("score").GetDecimal()), total);
        Assert.Equal(total >= 90 ? "Excellent" : total >= 80 ? "Good" : total >= 60 ? "Fair" : "Poor", submitted.GetProperty("grade").GetString());
        await HttpAssert.ProblemAsync(await evaluator.PutAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/scores/D11", new { score = 1, comment = "提交后修改" }), 409);

        // Paying before confirmation is refused; the purchaser cannot confirm in the appeal days until the provider accepts.
        await HttpAssert.ProblemAsync(await purchaser.PostAsync($"/api/v1/evaluation/contracts/{contractId}/phases/2/approve", null), 409);
        await HttpAssert.ProblemAsync(await purchaser.PostAsync($"/api/v1/evaluation/evaluations/{id}/confirm", null), 409);
        await HttpAssert.JsonAsync(await provider.PostAsync($"/api/v1/evaluation/evaluations/{id}/accept", null));
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/appeal", new { text = "认可后又申诉" }), 409);
        Assert.Equal("Confirmed", (await HttpAssert.JsonAsync(await purchaser.PostAsync($"/api/v1/evaluation/evaluations/{id}/confirm", null))).GetProperty("status").GetString());

        // The payable amount follows the phase's rule (full at 90, none below 60, pro rata between) from the confirmed total.
        var share = 3_000_000L;
        var expected = total >= 90 ? share : total < 60 ? 0 : (long)decimal.Floor(share * (total - 60) / 30);
        var approved = await HttpAssert.JsonAsync(await purchaser.PostAsync($"/api/v1/evaluation/contracts/{contractId}/phases/2/approve", null));
        Assert.Equal(expected, approved.GetProperty("amountFen").GetInt64());
        await HttpAssert.ProblemAsync(await purchaser.PostAsync($"/api/v1/evaluation/contracts/{contractId}/phases/2/approve", null), 409);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/evaluation/contracts/{contractId}/phases/2/payment", new { paidOn = ProcurementScenario.Today(app), reference = "X" }), 403);
        var paidOn = ProcurementScenario.Today(app);
        var paid = await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync($"/api/v1/evaluation/contracts/{contractId}/phases/2/payment", new { paidOn, reference = "GK2026-0042" }));
        Assert.Equal("Paid", paid.GetProperty("paymentStatus").GetString());
        await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync($"/api/v1/evaluation/contracts/{contractId}/phases/2/payment", new { paidOn, reference = "GK2026-0042" }));
        await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync($"/api/v1/evaluation/contracts/{contractId}/phases/2/payment", new { paidOn, reference = "GK2026-0043" }), 409);
        Assert.Equal(1, await app.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            d.Set<CoCare.Evaluation.Domain.Payment>(), p => p.ContractId == contractId)));

        // The final phase's evaluation is not confirmed: nothing to pay.
        await HttpAssert.ProblemAsync(await purchaser.PostAsync($"/api/v1/evaluation/contracts/{contractId}/phases/3/approve", null), 409);

        // The contract's OCDS release shows the payment as a transaction and the milestones as met (or partially).
        using var anonymous = app.CreateClient();
        var ocds = await anonymous.GetStringAsync($"/api/v1/ocds/releases?since={ProcurementScenario.Today(app).AddDays(-300):yyyy-MM-dd}");
        Assert.Contains("GK2026-0042", ocds, StringComparison.Ordinal);
        Assert.Contains(expected == share ? "\"met\"" : "\"partiallyMet\"", ocds, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Commissioning_AppealsAndIndicatorWeights_AreChecked(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        using var evaluator = await app.ClientAsync("evaluator");
        var (contractId, provider, _) = await EvaluationScenario.ContractInForceAsync(app);
        using var _provider = provider;
        var template = await DefaultSystemAsync(purchaser);
        var evaluatorOrg = await EvaluatorOrganizationAsync(app);

        var weights = await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync("/api/v1/evaluation/indicator-systems", new
        {
            name = "权重不对",
            indicators = new object[]
            {
                new { code = "A", nameZh = "产出", nameEn = "Output", maxScore = 60 },
                new { code = "A1", parent = "A", nameZh = "数量", nameEn = "Quantity", maxScore = 50 },
                new { code = "B", nameZh = "效益", nameEn = "Effect", maxScore = 40 },
            },
        }), 400);
        Assert.Contains("50", weights.GetRawText(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/evaluation/evaluations",
            new { contractId, evaluationNumber = 1, evaluatorOrganizationId = evaluatorOrg, indicatorSystemId = template.GetProperty("id").GetGuid() }), 403);
        await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync("/api/v1/evaluation/evaluations",
            new { contractId, evaluationNumber = 7, evaluatorOrganizationId = evaluatorOrg, indicatorSystemId = template.GetProperty("id").GetGuid() }), 400);
        await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync("/api/v1/evaluation/evaluations",
            new { contractId, evaluationNumber = 1, evaluatorOrganizationId = await ProcurementScenario.BureauAsync(app), indicatorSystemId = template.GetProperty("id").GetGuid() }), 400);

        // The final evaluation is due in the future: the evidence cannot be pulled yet.
        var final = await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync("/api/v1/evaluation/evaluations",
            new { contractId, evaluationNumber = 2, evaluatorOrganizationId = evaluatorOrg, indicatorSystemId = template.GetProperty("id").GetGuid() }), 201);
        await HttpAssert.ProblemAsync(await evaluator.PostAsync($"/api/v1/evaluation/evaluations/{final.GetProperty("id").GetGuid()}/evidence", null), 409);
        await HttpAssert.ProblemAsync(await purchaser.PostAsJsonAsync("/api/v1/evaluation/evaluations",
            new { contractId, evaluationNumber = 2, evaluatorOrganizationId = evaluatorOrg, indicatorSystemId = template.GetProperty("id").GetGuid() }), 409);

        // An appeal within the days is answered by the evaluator; after the days it is refused.
        var mid = await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync("/api/v1/evaluation/evaluations",
            new { contractId, evaluationNumber = 1, evaluatorOrganizationId = evaluatorOrg, indicatorSystemId = template.GetProperty("id").GetGuid(), appealDays = 3 }), 201);
        var id = mid.GetProperty("id").GetGuid();
        var pulled = await HttpAssert.JsonAsync(await evaluator.PostAsync($"/api/v1/evaluation/evaluations/{id}/evidence", null));
        var all = pulled.GetProperty("system").GetProperty("indicators").EnumerateArray().ToList();
        var scored = pulled.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ToHashSet();
        foreach (var leaf in all.Where(i => !all.Any(c => c.GetProperty("parent").GetString() == i.GetProperty("code").GetString()) && !scored.Contains(i.GetProperty("code").GetString())))
        {
            await HttpAssert.JsonAsync(await evaluator.PutAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/scores/{leaf.GetProperty("code").GetString()}",
                new { score = leaf.GetProperty("maxScore").GetDecimal(), comment = "符合要求" }));
        }

        await HttpAssert.JsonAsync(await evaluator.PostAsync($"/api/v1/evaluation/evaluations/{id}/submit", null));
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/appeal", new { text = " " }), 400);
        var appealed = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/appeal", new { text = "满意度抽样偏少" }));
        Assert.Equal("Appealed", appealed.GetProperty("status").GetString());
        var answered = await HttpAssert.JsonAsync(await evaluator.PostAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/appeal-answer", new { text = "已复核，维持原评分" }));
        Assert.Equal(("Submitted", "已复核，维持原评分"), (answered.GetProperty("status").GetString(), answered.GetProperty("appealAnswer").GetString()));
        Assert.Equal("Confirmed", (await HttpAssert.JsonAsync(await purchaser.PostAsync($"/api/v1/evaluation/evaluations/{id}/confirm", null))).GetProperty("status").GetString());
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/evaluation/evaluations/{id}/appeal", new { text = "再申诉" }), 409);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheDemoContract_HasItsMidTermAndFinalEvaluationsConfirmed_AndItsThreePhasesPaidAsTheScoresDecide(string db)
    {
        var app = await apps.GetAsync(db);
        using var auditor = await app.ClientAsync("auditor");
        var rows = (await HttpAssert.JsonAsync(await auditor.GetAsync("/api/v1/evaluation/evaluations"))).EnumerateArray()
            .Where(e => e.GetProperty("contractTitle").GetString()!.StartsWith("G村鼓楼食堂", StringComparison.Ordinal)).ToList();
        Assert.Equal(["中期评估", "终期评估"], rows.Select(r => r.GetProperty("name").GetString()).Order());
        Assert.All(rows, r => Assert.Equal("Confirmed", r.GetProperty("status").GetString()));
        var contractId = rows[0].GetProperty("contractId").GetGuid();

        var final = await HttpAssert.JsonAsync(await auditor.GetAsync($"/api/v1/evaluation/evaluations/{rows.Single(r => r.GetProperty("number").GetInt32() == 2).GetProperty("id").GetGuid()}"));
        Assert.True(final.GetProperty("evidence").GetProperty("figures").GetProperty("servicePersonTimes").GetDouble() > 9_000, "the year's person-times are the final evidence");
        Assert.NotNull(final.GetProperty("appealAnswer").GetString());

        var phases = (await HttpAssert.JsonAsync(await auditor.GetAsync($"/api/v1/evaluation/contracts/{contractId}/phases"))).EnumerateArray().ToList();
        Assert.Equal(3, phases.Count);
        Assert.All(phases, p => Assert.Equal("Paid", p.GetProperty("paymentStatus").GetString()));

        // Each payment is its phase's share as the contract stood when it was paid (other tests may amend the demo contract later),
        // through the phase's rule (full at 80, none below 60, pro rata between) for the phases after an evaluation.
        var payments = await app.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            System.Linq.Queryable.OrderBy(System.Linq.Queryable.Where(d.Set<CoCare.Evaluation.Domain.Payment>(), p => p.ContractId == contractId), p => p.PhaseNumber)));
        Assert.Equal(29_000_000L * 3_000 / 10_000, payments[0].AmountFen);
        foreach (var p in payments.Skip(1))
        {
            var score = p.Score!.Value;
            Assert.Equal(score >= 80 ? p.ShareFen : score < 60 ? 0 : (long)decimal.Floor(p.ShareFen * (score - 60) / 20), p.AmountFen);
        }

        var trail = await HttpAssert.JsonAsync(await auditor.GetAsync($"/api/v1/evaluation/contracts/{contractId}/money-trail"));
        Assert.All(trail.GetProperty("budget").EnumerateArray(), b => Assert.InRange(b.GetProperty("executionRate").GetDouble(), 0.3, 1.0));
        var queried = Assert.Single(trail.GetProperty("expenditures").EnumerateArray(), x => x.GetProperty("status").GetString() == "Queried");
        Assert.Contains("DuplicateReceipt", queried.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.True(final.GetProperty("evidence").GetProperty("spentFen").GetInt64() > 0, "accepted spending is the evidence's budget execution");
    }

    private static MultipartFormDataContent Spending(string line, long amountFen, DateOnly spentOn, string description, byte[]? receipt = null, string receiptName = "发票.pdf")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(line), "budgetLine" },
            { new StringContent(amountFen.ToString(System.Globalization.CultureInfo.InvariantCulture)), "amountFen" },
            { new StringContent(spentOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "spentOn" },
            { new StringContent(description), "description" },
        };
        if (receipt is not null)
        {
            form.Add(new ByteArrayContent(receipt), "receipt", receiptName);
        }

        return form;
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Expenditures_AreFlaggedReviewedAndCounted_AndTheAuditorFollowsTheMoneyTrailToTheAuditLog(string db)
    {
        var app = await apps.GetAsync(db);
        using var auditor = await app.ClientAsync("auditor");
        using var purchaser = await app.ClientAsync("purchaser");
        var (contractId, provider, _) = await EvaluationScenario.ContractInForceAsync(app);
        using var _provider = provider;
        var today = ProcurementScenario.Today(app);
        var url = $"/api/v1/evaluation/contracts/{contractId}/expenditures";
        var pdf = "%PDF-1.4 receipt 0042"u8.ToArray();

        var clean = await HttpAssert.JsonAsync(await provider.PostAsync(url, Spending("人员经费", 1_200_000, today.AddDays(-30), "社工三月工资", pdf)), 201);
        Assert.Empty(clean.GetProperty("flags").EnumerateArray());
        var twice = await HttpAssert.JsonAsync(await provider.PostAsync(url, Spending("人员经费", 1_200_000, today.AddDays(-20), "社工四月工资", pdf)), 201);
        Assert.Contains("DuplicateReceipt", twice.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        var flagged = await HttpAssert.JsonAsync(await provider.PostAsync(url, Spending("餐食补贴", 4_500_000, today.AddDays(-400), "食材采购")), 201);
        Assert.Equal(["AboveLine", "NoReceipt", "OutsidePeriod"], flagged.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).Order());

        // Bad input records nothing.
        await HttpAssert.ProblemAsync(await provider.PostAsync(url, Spending("人员经费", -100, today, "负数")), 400);
        await HttpAssert.ProblemAsync(await provider.PostAsync(url, Spending("没有的科目", 100, today, "x")), 400);
        await HttpAssert.ProblemAsync(await provider.PostAsync(url, Spending("人员经费", 100, today, "x", pdf, "receipt.exe")), 400);
        await HttpAssert.ProblemAsync(await purchaser.PostAsync(url, Spending("人员经费", 100, today, "购买方不记支出")), 403);

        // The auditor accepts one, queries one (a reason is required) and rejects one.
        async Task<HttpResponseMessage> Review(JsonElement x, string decision, string? note) =>
            await auditor.PostAsJsonAsync($"/api/v1/evaluation/expenditures/{x.GetProperty("id").GetGuid()}/review", new { decision, note });
        await HttpAssert.JsonAsync(await Review(clean, "Accept", null));
        await HttpAssert.ProblemAsync(await Review(twice, "Query", " "), 400);
        Assert.Equal("Queried", (await HttpAssert.JsonAsync(await Review(twice, "Query", "同一张票据已用于三月工资"))).GetProperty("status").GetString());
        await HttpAssert.JsonAsync(await Review(flagged, "Reject", "不在合同期内且超出科目"));
        await HttpAssert.ProblemAsync(await Review(flagged, "Accept", null), 409);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/evaluation/expenditures/{clean.GetProperty("id").GetGuid()}/review", new { decision = "Accept" }), 403);

        // Once the contract is closed nothing more is spent against it.
        await app.WithDbAsync(async d =>
        {
            var c = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(d.Set<CoCare.Procurement.Domain.Contract>(), c => c.Id == contractId);
            c.Complete(app.Clock.GetUtcNow().UtcDateTime);
            return await d.SaveChangesAsync();
        });
        await HttpAssert.ProblemAsync(await provider.PostAsync(url, Spending("人员经费", 100, today, "合同结束后")), 409);

        var trail = await HttpAssert.JsonAsync(await auditor.GetAsync($"/api/v1/evaluation/contracts/{contractId}/money-trail"));
        var staff = trail.GetProperty("budget").EnumerateArray().Single(b => b.GetProperty("item").GetString() == "人员经费");
        Assert.Equal((1_200_000L, 1_200_000L, 0.2), (staff.GetProperty("acceptedFen").GetInt64(), staff.GetProperty("pendingFen").GetInt64(), staff.GetProperty("executionRate").GetDouble()));
        Assert.Equal(3, trail.GetProperty("expenditures").GetArrayLength());
        var audited = trail.GetProperty("auditEntries").EnumerateArray().Select(a => a.GetProperty("entityKey").GetString()).ToHashSet();
        Assert.Contains(clean.GetProperty("id").GetGuid().ToString(), audited);

        var csv = await auditor.GetByteArrayAsync($"/api/v1/evaluation/contracts/{contractId}/money-trail.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Take(3));
        var text = System.Text.Encoding.UTF8.GetString(csv);
        Assert.Contains("同一张票据已用于三月工资", text, StringComparison.Ordinal);
        Assert.Contains("DuplicateReceipt", text, StringComparison.Ordinal);

        var receipt = await auditor.GetByteArrayAsync($"/api/v1/evaluation/expenditures/{clean.GetProperty("id").GetGuid()}/receipt");
        Assert.Equal(pdf, receipt);
    }
}
