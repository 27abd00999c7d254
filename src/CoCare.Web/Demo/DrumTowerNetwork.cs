using CoCare.Data;
using CoCare.Network.Domain;
using TaskStatus = CoCare.Network.Domain.TaskStatus;

namespace CoCare.Web.Demo;

/// <summary>
/// G village's co-production network as the case tells it: the 11 drum towers (one restored into the canteen, one
/// being restored, the rest idle), the central-finance grant and the county's "ten-odd ten-thousand yuan" for the
/// restoration, the villagers' fund-raising and 换工 labour, the university's interns and training, the silver team's
/// hours and the county media; a responsibility list for the project (one task overdue); and the partners' joint
/// visits, trainings and meetings. The figures are illustrative where the case gives none.
/// </summary>
internal static class DrumTowerNetwork
{
    public static void Add(AppDbContext db, Guid projectId, string village, Guid socialWork, Guid committee, Guid association, Guid silverTeam, Guid bureau,
        DateOnly today)
    {
        var towers = new List<Space>();
        for (var i = 1; i <= 11; i++)
        {
            var tower = new Space(village);
            var (state, use) = i switch
            {
                1 => (SpaceState.InUse, "鼓楼食堂：助餐、社会交往、活动"),
                2 => (SpaceState.BeingRestored, "计划改造为老年活动室"),
                _ => (SpaceState.Idle, ""),
            };
            tower.Describe($"G村{i}号鼓楼", 60 + (i * 7 % 40), state, use);
            towers.Add(tower);
        }

        db.AddRange(towers);
        var start = DrumTowerScenario.ContractStart(today);
        var contributions = new List<Contribution>();
        void Add(ContributionKind kind, FundingSource? source, Guid? org, string name, DateOnly on, string what, ValuationMethod method, long? fen, long? minutes = null,
            long? wage = null, Guid? space = null)
        {
            var c = new Contribution(village, projectId, "provider", new DateTime(on.Year, on.Month, on.Day, 2, 0, 0, DateTimeKind.Utc));
            c.Describe(kind, source, org, name, on, what, space, method, fen, minutes, wage);
            contributions.Add(c);
        }

        Add(ContributionKind.Money, FundingSource.CentralFinance, bureau, "中央财政支持社会组织参与社会服务项目", start, "项目资助资金", ValuationMethod.Cash, 30_000_000);
        Add(ContributionKind.Money, FundingSource.Government, bureau, "县民政局", start.AddDays(40), "鼓楼修缮与助餐点改造补助", ValuationMethod.Cash, 12_000_000);
        Add(ContributionKind.Money, FundingSource.VillageFundRaising, committee, "G村村民募款", start.AddDays(55), "鼓楼食堂改造募款（148 户）", ValuationMethod.Cash, 6_380_000);
        Add(ContributionKind.Money, FundingSource.Donation, null, "在外乡贤", start.AddDays(70), "捐赠厨房设备款", ValuationMethod.Cash, 2_000_000);
        Add(ContributionKind.Space, null, committee, "G村村委会", start, "1 号鼓楼用作助餐点（按同类场地租金估一年）", ValuationMethod.MarketPrice, 3_600_000, space: towers[0].Id);
        Add(ContributionKind.Labour, null, committee, "G村村民（换工）", start.AddDays(60), "鼓楼食堂改造投工投劳", ValuationMethod.HoursTimesWage, null, 1_260 * 60, 1_500);
        Add(ContributionKind.Labour, null, silverTeam, "银发志愿服务队", today.AddDays(-1), "帮厨、送餐志愿服务（一年）", ValuationMethod.HoursTimesWage, null, 560 * 60, 1_500);
        Add(ContributionKind.Expertise, null, null, "合作高校（实习生与教师）", start.AddDays(120), "社会工作专业实习与助老技能培训", ValuationMethod.HoursTimesWage, null, 320 * 60, 8_000);
        Add(ContributionKind.InKind, null, association, "G村老年协会", start.AddDays(90), "餐桌椅与蔬菜（会员自种）", ValuationMethod.MarketPrice, 860_000);
        Add(ContributionKind.Publicity, null, null, "县融媒体中心", start.AddDays(200), "鼓楼食堂专题报道", ValuationMethod.MarketPrice, 500_000);
        db.AddRange(contributions);

        var tasks = new (string Title, Guid Org, string Person, Guid[] Support, int Due, TaskStatus Status, string Evidence)[]
        {
            ("1 号鼓楼助餐点改造完工", committee, "村支书", [socialWork, association], 60, TaskStatus.Done, "竣工验收记录、照片"),
            ("助餐服务开餐并建立就餐登记", socialWork, "项目负责人", [association], 75, TaskStatus.Done, "就餐签到记录（平台）"),
            ("组建银发志愿服务队并开展培训", association, "会长", [socialWork, silverTeam], 90, TaskStatus.Done, "队员名册、培训签到表"),
            ("全村 60 岁以上老人入户走访与需求登记", socialWork, "社工", [committee], 120, TaskStatus.Done, "走访记录（平台）"),
            ("中期评估材料准备", socialWork, "项目负责人", [], 180, TaskStatus.Done, "中期报告"),
            ("2 号鼓楼老年活动室改造", committee, "村委委员", [socialWork], (today.DayNumber - start.DayNumber) - 20, TaskStatus.InProgress, ""),
            ("终期满意度调查与回访", socialWork, "社工", [association], (today.DayNumber - start.DayNumber) + 30, TaskStatus.Planned, ""),
        };
        foreach (var (title, org, person, support, due, status, evidence) in tasks)
        {
            var task = new ResponsibilityTask(projectId, village);
            task.Describe(title, org, person, support, start.AddDays(due));
            task.Report(status, evidence, start.AddDays(Math.Min(due, today.DayNumber - start.DayNumber)));
            db.Add(task);
        }

        var meetings = new (InteractionKind Kind, int Day, Guid[] Parties, string Note)[]
        {
            (InteractionKind.JointMeeting, 5, [socialWork, committee, association], "项目启动会：确定鼓楼食堂选址与责任清单"),
            (InteractionKind.JointVisit, 20, [socialWork, committee], "联合入户走访独居老人"),
            (InteractionKind.Training, 80, [socialWork, silverTeam, association], "送餐安全与助老技能培训"),
            (InteractionKind.KnowledgeSharing, 150, [socialWork, bureau, committee], "县内互助养老经验交流"),
            (InteractionKind.JointMeeting, 200, [socialWork, committee, association, silverTeam], "村民议事会：鼓楼食堂就餐规则"),
            (InteractionKind.JointVisit, 260, [socialWork, association, silverTeam], "重阳节联合探访"),
        };
        foreach (var (kind, day, parties, note) in meetings)
        {
            var interaction = new Interaction(village, "provider");
            interaction.Describe(kind, start.AddDays(day), parties, note, projectId);
            db.Add(interaction);
        }
    }
}
