using CoCare.Data;
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

    public static async Task AddAsync(AppDbContext db, EvidenceCollector collector, IContractFacts contracts, Guid projectId, Guid evaluatorOrganization,
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
}
