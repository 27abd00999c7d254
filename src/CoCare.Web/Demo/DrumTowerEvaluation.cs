using CoCare.Data;
using CoCare.Data.Files;
using CoCare.Evaluation.Domain;
using CoCare.Evaluation.Features.Evaluations;
using CoCare.Evaluation.Features.Indicators;
using CoCare.Kernel;

namespace CoCare.Web.Demo;

/// <summary>
/// The G-village contract's money trail: the default indicator system, the mid-term and the final evaluation by the
/// evaluation centre — each with its evidence pulled from the year's records on its date, formula scores from that
/// evidence and the evaluator's judgement on the rest — the provider's acceptance (mid-term) and an answered appeal
/// (final), the purchaser's confirmation, and the three phases paid: on signing in full, then as the scores decide.
/// </summary>
internal static class DrumTowerEvaluation
{
    private static readonly string[] Comments =
    [
        "立项依据充分，符合农村互助养老政策导向",
        "绩效目标明确、可衡量",
        "预算编制基本合理，个别科目偏粗",
        "资金按合同节点拨付到位",
        "预算执行进度与服务进度基本匹配",
        "抽查凭证合规，个别票据不规范",
        "服务台账、工单制度健全",
        "抽查记录与台账一致",
        "抽查工单服务内容达标，个别记录不完整",
        "大部分服务按时完成",
        "助餐、上门服务覆盖重点老人，需求清单落实较好",
        "村民大会、老人协会参与，形成长效机制雏形",
    ];

    public static async Task AddAsync(AppDbContext db, EvidenceCollector collector, IContractFacts contracts, FileStore files, Guid projectId, Guid evaluatorOrganization,
        DateTime now, CancellationToken ct)
    {
        var template = IndicatorSystem.Template(DefaultTemplate.Id, DefaultTemplate.Name, DefaultTemplate.Indicators, now);
        template.MarkInUse();
        db.Add(template);

        var contract = (await contracts.ListAsync(null, ct)).Single(c => c.ProjectId == projectId);
        DateTime At(DateOnly day, int hour) => ChinaTime.Utc(day, new TimeOnly(hour, 0));

        var signed = DateOnly.FromDateTime(contract.DateSigned!.Value);
        var first = contract.Phases[0];
        var onSigning = new Payment(contract.Id, first.Number, first.Name, null, null, PaymentRule.Share(contract.AmountFen, first), PaymentRule.Payable(contract.AmountFen, first, null),
            "purchaser", At(signed.AddDays(3), 10));
        onSigning.RecordPaid(signed.AddDays(5), "SJMZ-ZF-001", "purchaser", At(signed.AddDays(5), 15), signed.AddDays(5));
        db.Add(onSigning);
        await AddExpendituresAsync(db, files, contract, now, ct);
        await db.SaveChangesAsync(ct);

        foreach (var planned in contract.Evaluations)
        {
            var date = planned.DueDate;
            var evaluation = new PerformanceEvaluation(contract.Id, contract.PurchaserOrganizationId, contract.ProviderOrganizationId, evaluatorOrganization, planned.Number,
                planned.Name, template.Id, date, 7, "purchaser", At(date.AddDays(-20), 10));
            var evidence = await collector.CollectAsync(contract, template.Indicators, date, At(date, 9), ct);
            evaluation.Freeze(evidence, EvidenceCollector.Score(template.Indicators, evidence, At(date, 9)));
            var judged = IndicatorTree.Leaves(template.Indicators).Where(l => evaluation.Scores.All(s => s.Code != l.Code)).ToList();
            foreach (var (leaf, i) in judged.Select((l, i) => (l, i)))
            {
                var share = planned.Number == 1 ? (i % 3 == 0 ? 0.8m : 0.9m) : (i % 4 == 0 ? 0.85m : 0.95m);
                evaluation.Score(leaf, decimal.Round(leaf.MaxScore * share, 2), Comments[i % Comments.Length], "evaluator", At(date.AddDays(2), 10 + (i % 6)));
            }

            evaluation.Submit(template.Indicators, At(date.AddDays(3), 17), date.AddDays(3));
            if (planned.Number == 1)
            {
                evaluation.AcceptResult(At(date.AddDays(4), 9));
            }
            else
            {
                evaluation.Dispute("服务对象满意度之外，建议将村民大会决议执行情况纳入社会效益评分依据。", At(date.AddDays(4), 9), date.AddDays(4));
                evaluation.Answer("已复核村民大会记录，社会效益评分依据充分，维持原评分。", template.Indicators);
            }

            evaluation.Confirm("purchaser", At(date.AddDays(5), 10), date.AddDays(5));
            db.Add(evaluation);

            var phase = contract.Phases.Single(p => p.AfterEvaluation && p.EvaluationNumber == planned.Number);
            var payment = new Payment(contract.Id, phase.Number, phase.Name, evaluation.Id, evaluation.Total, PaymentRule.Share(contract.AmountFen, phase),
                PaymentRule.Payable(contract.AmountFen, phase, evaluation.Total), "purchaser", At(date.AddDays(6), 10));
            var paidOn = date.AddDays(7) < ChinaTime.Day(now) ? date.AddDays(7) : ChinaTime.Day(now);
            payment.RecordPaid(paidOn, $"SJMZ-ZF-00{phase.Number}", "purchaser", At(paidOn, 15), paidOn);
            db.Add(payment);
        }
    }

    /// <summary>
    /// A year of spending on the three budget lines, month by month, each with its receipt (a small placeholder PDF
    /// stored like any upload): accepted by the auditor up to last month, last month's awaiting review, and one
    /// canteen purchase queried because its receipt had been used before.
    /// </summary>
    private static async Task AddExpendituresAsync(AppDbContext db, FileStore files, ContractFacts contract, DateTime now, CancellationToken ct)
    {
        var spent = new Dictionary<string, long>();
        var hashes = new HashSet<string>();
        var today = ChinaTime.Day(now);
        async Task AddAsync(string line, long fen, DateOnly on, string what, string receiptText, bool review, string? query = null)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n% CoCare demo receipt\n" + receiptText + "\n%%EOF\n");
            using var content = new MemoryStream(bytes);
            var saved = (await files.SaveAsync(content, 1024 * 1024, ct))!.Value;
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            var budget = contract.BudgetLines.Single(b => b.Item == line);
            var flags = ExpenditureChecks.Flags(fen, on, true, budget.AmountFen, spent.GetValueOrDefault(line), contract.StartDate, contract.EndDate, !hashes.Add(hash));
            var x = new Expenditure(contract.Id, line, fen, on, what, new Receipt($"{on:yyyyMMdd}-{line}.pdf", "application/pdf", saved.StoredName, saved.Size, hash), flags,
                "provider", ChinaTime.Utc(on, new TimeOnly(16, 0)));
            if (query is not null)
            {
                x.Review(ReviewDecision.Query, query, "auditor", ChinaTime.Utc(on.AddDays(10), new TimeOnly(10, 0)));
            }
            else if (review)
            {
                x.Review(ReviewDecision.Accept, null, "auditor", ChinaTime.Utc(on.AddDays(10), new TimeOnly(10, 0)));
            }

            spent[line] = spent.GetValueOrDefault(line) + fen;
            db.Add(x);
        }

        var (meals, home, care) = (contract.BudgetLines[0].Item, contract.BudgetLines[1].Item, contract.BudgetLines[2].Item);
        for (var month = 0; month < 12; month++)
        {
            var on = contract.StartDate.AddMonths(month).AddDays(24);
            if (on > today)
            {
                break;
            }

            var reviewed = on.AddDays(10) < today;
            await AddAsync(meals, 880_000 + (month * 7_000), on, $"第{month + 1}月食材采购", $"meals-{month}", reviewed);
            await AddAsync(home, 1_050_000 + (month * 5_000), on.AddDays(1), $"第{month + 1}月社工及护理员劳务", $"home-{month}", reviewed);
            if (month % 2 == 1)
            {
                await AddAsync(care, 230_000, on.AddDays(2), $"第{month + 1}月老年活动与精神慰藉", $"care-{month}", reviewed);
            }

            if (month == 7)
            {
                await AddAsync(meals, 120_000, on.AddDays(3), "补记食材采购", $"meals-{month}", false, "该票据已用于本月食材采购，请说明是否重复报销。");
            }
        }
    }
}
