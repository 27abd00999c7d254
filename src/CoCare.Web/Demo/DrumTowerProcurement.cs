using CoCare.Data;
using CoCare.Procurement.Domain;

namespace CoCare.Web.Demo;

/// <summary>
/// The purchase behind the Drum Tower Canteen: a 2024 central-finance project for G village, its call, two
/// applications, the award to the social organization, and a signed, active contract whose KPI targets come
/// from the case (person-times, meals, satisfaction) with three payment phases.
/// </summary>
internal static class DrumTowerProcurement
{
    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 2, 0, 0, DateTimeKind.Utc);

    /// <returns>The project's id (its time bank pays the volunteers).</returns>
    public static Guid Add(AppDbContext db, Guid bureau, Guid socialWork, Guid otherProvider, string purchaserAccount, string providerAccount, string village)
    {
        var project = new PurchaseProject(bureau, Utc(2024, 1, 5));
        project.SetTerms(
            "G村鼓楼食堂农村互助养老服务项目（2024年中央财政支持社会组织参与社会服务项目）",
            [village],
            30_000_000,
            FundingSource.CentralFinance,
            new DateOnly(2024, 3, 1),
            new DateOnly(2025, 2, 28),
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
                new PlannedEvaluation(EvaluationKind.MidTerm, "中期评估", new DateOnly(2024, 9, 15)),
                new PlannedEvaluation(EvaluationKind.Final, "终期评估", new DateOnly(2025, 2, 20)),
            ],
            [new ReviewCriterion("服务方案", 40), new ReviewCriterion("团队能力", 30), new ReviewCriterion("预算合理性", 30)],
            Utc(2024, 1, 5));
        project.PublishCall("面向社会组织征集 G 村农村互助养老服务项目：依托鼓楼建设老年食堂，开展助餐及六助上门服务、入户走访与精神慰藉。", Utc(2024, 2, 10), Utc(2024, 1, 10));
        db.Add(project);

        var winner = new Application(project.Id, socialWork, Utc(2024, 1, 20));
        winner.Write(
            "依托村内闲置鼓楼改建助餐点，3 名社工与村委每周联合入户 3–4 户，记录助餐、送药等需求并形成服务清单；组建银发志愿服务队参与送餐。",
            "项目负责人 1 名、社工 3 名、高校实习生若干，村两委与老人协会协同。",
            [new BudgetLine("助餐服务", 12_000_000), new BudgetLine("上门服务（六助）", 14_000_000), new BudgetLine("精神慰藉与活动", 3_000_000)],
            Utc(2024, 1, 20));
        var other = new Application(project.Id, otherProvider, Utc(2024, 2, 2));
        other.Write("以县城服务站为基地，定期下乡开展助餐与上门服务。", "社工 2 名、护理员 4 名。", [new BudgetLine("服务费用", 29_500_000)], Utc(2024, 2, 2));
        db.AddRange(winner, other);

        var review1 = new ApplicationReview(winner.Id, purchaserAccount, "purchaser");
        review1.Score([92, 90, 85], "方案贴合村情，资源动员充分。", Utc(2024, 2, 12));
        var review2 = new ApplicationReview(other.Id, purchaserAccount, "purchaser");
        review2.Score([75, 80, 78], "服务半径较大，入户频次不足。", Utc(2024, 2, 12));
        db.AddRange(review1, review2);

        project.Award(winner.Id, "综合评分第一：方案依托鼓楼与村内组织，入户走访机制清晰。", "purchaser", Utc(2024, 2, 15));
        winner.Decide(true, Utc(2024, 2, 15));
        other.Decide(false, Utc(2024, 2, 15));

        var terms = new ContractTerms(29_000_000, project.StartDate, project.EndDate, project.Items, project.KpiTargets, project.Phases, project.Evaluations);
        var contract = new Contract(project.Id, winner.Id, bureau, socialWork, project.Title, terms, Utc(2024, 2, 20));
        project.MarkContracted(Utc(2024, 2, 20));
        contract.Sign(ContractSide.Purchaser, purchaserAccount, Utc(2024, 2, 25));
        contract.Sign(ContractSide.Provider, providerAccount, Utc(2024, 2, 26));
        contract.Activate(Utc(2024, 3, 1));
        db.Add(contract);
        return project.Id;
    }
}
