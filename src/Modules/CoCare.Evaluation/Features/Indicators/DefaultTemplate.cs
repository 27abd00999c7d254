using CoCare.Evaluation.Domain;
using CoCare.Kernel;

namespace CoCare.Evaluation.Features.Indicators;

/// <summary>
/// The indicator system that ships with the platform for purchased elderly-care services, shaped after the Ministry of
/// Finance framework for project-expenditure performance evaluation (财预〔2020〕10号): 决策 15, 过程 20, 产出 35, 效益 30.
/// Output and effect leaves are scored from platform figures where one exists (completion against the contract's
/// targets, complaint handling on time, satisfaction); the rest by the evaluator's judgement.
/// </summary>
public static class DefaultTemplate
{
    /// <summary>A fixed id, so that two nodes creating it at once make one row.</summary>
    public static readonly Guid Id = new("0193c0de-0000-7000-8000-000000000001");

    public const string Name = "政府购买养老服务项目绩效评价指标体系（默认模板）";

    public static IReadOnlyList<Indicator> Indicators { get; } =
    [
        new("D", null, "决策", "Decision", 15),
        new("D1", "D", "项目立项", "Project establishment", 5),
        new("D11", "D1", "立项依据充分性", "Grounds for the project", 5),
        new("D2", "D", "绩效目标", "Performance goals", 5),
        new("D21", "D2", "绩效目标合理性", "Soundness of the goals", 5),
        new("D3", "D", "资金投入", "Funding", 5),
        new("D31", "D3", "预算编制科学性", "Soundness of the budget", 5),
        new("P", null, "过程", "Process", 20),
        new("P1", "P", "资金管理", "Fund management", 12),
        new("P11", "P1", "资金到位率", "Funds in place", 4),
        new("P12", "P1", "预算执行率", "Budget execution rate", 4),
        new("P13", "P1", "资金使用合规性", "Compliant use of funds", 4),
        new("P2", "P", "组织实施", "Implementation", 8),
        new("P21", "P2", "管理制度健全性", "Management rules in place", 4),
        new("P22", "P2", "制度执行有效性", "Rules followed", 4),
        new("O", null, "产出", "Output", 35),
        new("O1", "O", "产出数量", "Quantity", 15),
        new("O11", "O1", "实际完成率（服务人次）", "Completion rate (service person-times)", 8, ScoringMethod.Linear, Indicator.CompletionPrefix + "servicePersonTimes", 1.0, 0.6),
        new("O12", "O1", "实际完成率（助餐人次）", "Completion rate (meals)", 7, ScoringMethod.Linear, Indicator.CompletionPrefix + "meals", 1.0, 0.6),
        new("O2", "O", "产出质量", "Quality", 10),
        new("O21", "O2", "质量达标率", "Quality standard met", 10),
        new("O3", "O", "产出时效", "Timeliness", 10),
        new("O31", "O3", "完成及时性", "Timely completion", 5),
        new("O32", "O3", "投诉按时办结率", "Complaints answered on time", 5, ScoringMethod.Linear, EvidenceMetrics.FeedbackOnTimeRate, 0.95, 0.6),
        new("E", null, "效益", "Effect", 30),
        new("E1", "E", "社会效益", "Social benefit", 15),
        new("E11", "E1", "服务覆盖与需求满足", "Coverage and needs met", 15),
        new("E2", "E", "可持续影响", "Sustainability", 5),
        new("E21", "E2", "长效机制建设", "Lasting arrangements", 5),
        new("E3", "E", "满意度", "Satisfaction", 10),
        new("E31", "E3", "服务对象满意度", "Satisfaction of those served", 10, ScoringMethod.Linear, "satisfactionRate", 0.9, 0.7),
    ];
}
