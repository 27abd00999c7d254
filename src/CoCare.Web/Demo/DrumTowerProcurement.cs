using CoCare.Data;
using CoCare.Procurement.Domain;

namespace CoCare.Web.Demo;

/// <summary>
/// The purchase behind the Drum Tower Canteen: a central-finance project for G village, its call, two
/// applications, the award to the social organization, and a signed, active contract whose KPI targets come
/// from the case (person-times, meals, satisfaction) with three payment phases. The contract year is the demo year
/// (ending today), so evaluations find the year's records as their evidence; the call and award come before it.
/// </summary>
internal static class DrumTowerProcurement
{
    /// <returns>The project's id (its time bank pays the volunteers).</returns>
    public static Guid Add(AppDbContext db, Guid bureau, Guid socialWork, Guid otherProvider, string purchaserAccount, string providerAccount, string village, DateOnly start)
    {
        DateTime Utc(int daysFromStart) => start.AddDays(daysFromStart).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        var end = start.AddYears(1).AddDays(-1);
        var project = new PurchaseProject(bureau, Utc(-56));
        project.SetTerms(
            "G村鼓楼食堂农村互助养老服务项目（中央财政支持社会组织参与社会服务项目）",
            [village],
            30_000_000,
            FundingSource.CentralFinance,
            start,
            end,
            false,
            [
                new ServiceItem("Meals", PurchaseCategory.Service, "份", 8_000, 1_500),
                new ServiceItem("HomeServices", PurchaseCategory.Service, "人次", 10_000, 1_500),
                new ServiceItem("Companionship", PurchaseCategory.Service, "次", 600, 5_000),
            ],
            [
                new KpiTarget("servicePersonTimes", Comparison.AtLeast, 10_000),
                new KpiTarget("meals", Comparison.AtLeast, 7_500),
                new KpiTarget("satisfactionRate", Comparison.AtLeast, 0.90),
            ],
            [
                new PaymentPhase("首期拨付（签约后）", 3_000, PhaseTrigger.OnSigning, null),
                new PaymentPhase("中期评估后拨付", 3_000, PhaseTrigger.AfterEvaluation, 1),
                new PaymentPhase("终期评估后拨付", 4_000, PhaseTrigger.AfterEvaluation, 2),
            ],
            [
                new PlannedEvaluation(EvaluationKind.MidTerm, "中期评估", start.AddDays(198)),
                new PlannedEvaluation(EvaluationKind.Final, "终期评估", end.AddDays(-8)),
            ],
            [new ReviewCriterion("服务方案", 40), new ReviewCriterion("团队能力", 30), new ReviewCriterion("预算合理性", 30)],
            Utc(-56));
        project.PublishCall("面向社会组织征集 G 村农村互助养老服务项目：依托鼓楼建设老年食堂，开展助餐及六助上门服务、入户走访与精神慰藉。", Utc(-20), Utc(-51));
        db.Add(project);

        var winner = new Application(project.Id, socialWork, Utc(-41));
        winner.Write(
            "依托村内闲置鼓楼改建助餐点，3 名社工与村委每周联合入户 3–4 户，记录助餐、送药等需求并形成服务清单；组建银发志愿服务队参与送餐。",
            "项目负责人 1 名、社工 3 名、高校实习生若干，村两委与老人协会协同。",
            [new BudgetLine("助餐服务", 12_000_000), new BudgetLine("上门服务（六助）", 14_000_000), new BudgetLine("精神慰藉与活动", 3_000_000)],
            Utc(-41));
        var other = new Application(project.Id, otherProvider, Utc(-28));
        other.Write("以县城服务站为基地，定期下乡开展助餐与上门服务。", "社工 2 名、护理员 4 名。", [new BudgetLine("服务费用", 29_500_000)], Utc(-28));
        db.AddRange(winner, other);

        var review1 = new ApplicationReview(winner.Id, purchaserAccount, "purchaser");
        review1.Score([92, 90, 85], "方案贴合村情，资源动员充分。", Utc(-18));
        var review2 = new ApplicationReview(other.Id, purchaserAccount, "purchaser");
        review2.Score([75, 80, 78], "服务半径较大，入户频次不足。", Utc(-18));
        db.AddRange(review1, review2);

        project.Award(winner.Id, "综合评分第一：方案依托鼓楼与村内组织，入户走访机制清晰。", "purchaser", Utc(-15));
        winner.Decide(true, Utc(-15));
        other.Decide(false, Utc(-15));

        var terms = new ContractTerms(29_000_000, project.StartDate, project.EndDate, project.Items, project.KpiTargets, project.Phases, project.Evaluations);
        var contract = new Contract(project.Id, winner.Id, bureau, socialWork, project.Title, terms, Utc(-10));
        project.MarkContracted(Utc(-10));
        contract.Sign(ContractSide.Purchaser, purchaserAccount, Utc(-5));
        contract.Sign(ContractSide.Provider, providerAccount, Utc(-4));
        contract.Activate(Utc(0));
        db.Add(contract);
        return project.Id;
    }
}
