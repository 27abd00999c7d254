using CoCare.Data;
using CoCare.Residents.Domain;

namespace CoCare.Web.Demo;

/// <summary>
/// A year of home visits in G village (seeds/002: 3–4 households a week, a social worker with a village cadre, needs
/// such as meals, medicine delivery and the canteen menu written down at the visits), the needs found and where they
/// went, two collective issues raised by the elder association, the service list that answers them, and this week's
/// visit plan. No deliveries are recorded: those come from the Services module, so the match rate starts at zero.
/// </summary>
internal static class DrumTowerVisits
{
    private static readonly (NeedCategory Category, string Detail)[] Needs =
    [
        (NeedCategory.Meals, "中午一个人不想做饭，希望能到食堂吃或送餐到家"),
        (NeedCategory.Meals, "牙口不好，午饭希望软烂一些"),
        (NeedCategory.MedicineDelivery, "每周需要从镇卫生院取降压药"),
        (NeedCategory.MedicineDelivery, "糖尿病用药快吃完，行动不便去不了镇上"),
        (NeedCategory.DietMenu, "希望食堂菜谱少盐少油"),
        (NeedCategory.DietMenu, "希望每周有一次侗家酸鱼"),
        (NeedCategory.Companionship, "子女在外打工，想有人常来聊聊天"),
        (NeedCategory.Cleaning, "腿脚不便，家里卫生需要帮忙打扫"),
        (NeedCategory.Bathing, "冬天洗澡不方便，需要有人协助"),
        (NeedCategory.Medical, "想请村医定期上门量血压"),
        (NeedCategory.Mobility, "去镇上赶集需要有人陪同"),
        (NeedCategory.Emergency, "独居，夜里担心突发情况没人知道"),
    ];

    public static void Add(AppDbContext db, List<Elder> elders, string village, IReadOnlyList<string> socialWorkers, IReadOnlyList<string> cadres,
        Guid provider, Guid association, Random random, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var thisMonday = VisitPlanEntry.WeekOf(today);
        var allNeeds = new List<Need>();

        // 52 weeks back from last week: 3 or 4 households a week, about 200 visits in all.
        for (var week = 52; week >= 1; week--)
        {
            var monday = thisMonday.AddDays(-7 * week);
            var households = random.Next(3, 5);
            for (var h = 0; h < households; h++)
            {
                var elder = elders[random.Next(elders.Count)];
                var date = monday.AddDays(random.Next(0, 5));
                var recordedAt = date.ToDateTime(new TimeOnly(9 + random.Next(0, 8), random.Next(0, 60)), DateTimeKind.Utc);
                var participants = new[] { new VisitParticipant(socialWorkers[random.Next(socialWorkers.Count)], "社工"), new VisitParticipant(cadres[random.Next(cadres.Count)], "村委") };
                DateOnly? followUp = random.NextDouble() < 0.3 ? date.AddDays(14) : null;
                var visit = new HomeVisit(village, date, random.Next(30, 75), participants, [elder.Id], Observation(random), followUp, "provider", recordedAt);
                if (followUp is { } f && f < today.AddDays(-21))
                {
                    visit.MarkFollowedUp();
                }

                db.Add(visit);
                if (random.NextDouble() < 0.45)
                {
                    foreach (var (category, detail) in Enumerable.Range(0, random.Next(1, 3)).Select(_ => Needs[random.Next(Needs.Length)]).DistinctBy(n => n.Category))
                    {
                        var need = new Need(elder.Id, category, detail, random.NextDouble() < 0.15 ? Urgency.High : Urgency.Normal, NeedSource.HomeVisit, visit.Id, "provider", recordedAt);
                        Progress(need, week, random, recordedAt);
                        db.Add(need);
                        allNeeds.Add(need);
                    }
                }
            }
        }

        // Needs heard at the canteen and from the association in the last weeks, still open: the association merges them.
        var recent = elders.OrderBy(_ => random.Next()).Take(6).ToList();
        var menuNeeds = recent.Take(4).Select((e, i) => new Need(e.Id, NeedCategory.DietMenu, i % 2 == 0 ? "希望食堂菜谱少盐少油" : "希望菜谱多一些软烂的菜", Urgency.Normal,
            NeedSource.Canteen, null, "provider", now.AddDays(-10 + i))).ToList();
        var medicineNeeds = recent.Skip(4).Select(e => new Need(e.Id, NeedCategory.MedicineDelivery, "每周需要有人从镇卫生院代取慢性病药", Urgency.High,
            NeedSource.Association, null, "provider", now.AddDays(-5))).ToList();
        db.AddRange(menuNeeds);
        db.AddRange(medicineNeeds);
        allNeeds.AddRange(menuNeeds);
        allNeeds.AddRange(medicineNeeds);

        var menu = new CollectiveIssue(village, "食堂菜谱适老化：少盐少油、多些软烂菜", menuNeeds.Select(n => n.Id), association, "association", now.AddDays(-3));
        foreach (var supporter in new[] { "石奶奶", "龙爷爷", "吴奶奶", "杨爷爷", "覃奶奶" })
        {
            menu.Support(supporter);
        }

        menu.RouteToServiceList();
        var medicine = new CollectiveIssue(village, "慢性病药每周代取", medicineNeeds.Select(n => n.Id), association, "association", now.AddDays(-2));
        medicine.Support("韦奶奶");
        db.AddRange(menu, medicine);

        // The service list: meals and medicine answered and approved earlier in the year; the menu proposal awaits the committee.
        var meals = allNeeds.Where(n => n.Category == NeedCategory.Meals && n.Status is NeedStatus.Planned or NeedStatus.BeingServed or NeedStatus.Met).ToList();
        AddItem(db, village, provider, NeedCategory.Meals, "鼓楼食堂午餐（行动不便者送餐到户）", 5, FrequencyPeriod.Week, meals, null, approved: true, now.AddDays(-200));
        var medicineDone = allNeeds.Where(n => n.Category == NeedCategory.MedicineDelivery && n.Status is NeedStatus.Planned or NeedStatus.BeingServed or NeedStatus.Met).ToList();
        AddItem(db, village, provider, NeedCategory.MedicineDelivery, "送药上门（每周从镇卫生院代取）", 1, FrequencyPeriod.Week, medicineDone, null, approved: true, now.AddDays(-150));
        AddItem(db, village, provider, NeedCategory.DietMenu, "食堂每周公布适老菜谱，少盐少油", 1, FrequencyPeriod.Week, menuNeeds, menu.Id, approved: false, now.AddDays(-1));

        // This week's plan: four households, a social worker and a cadre each.
        foreach (var elder in elders.OrderBy(_ => random.Next()).Take(4))
        {
            db.Add(new VisitPlanEntry(village, thisMonday, elder.Id, [socialWorkers[random.Next(socialWorkers.Count)], cadres[random.Next(cadres.Count)]], "provider", now));
        }
    }

    /// <summary>Older needs have mostly been planned and met; a few were closed unmet; the newest are still open.</summary>
    private static void Progress(Need need, int weeksAgo, Random random, DateTime recordedAt)
    {
        var roll = random.NextDouble();
        if (weeksAgo <= 2 || roll < 0.1)
        {
            return;
        }

        need.Plan(recordedAt.AddDays(3));
        if (weeksAgo <= 4 || roll < 0.2)
        {
            return;
        }

        if (roll < 0.27)
        {
            need.CloseUnmet("家属已安排", recordedAt.AddDays(10));
            return;
        }

        need.StartService(recordedAt.AddDays(7));
        if (roll < 0.6 || weeksAgo > 8)
        {
            need.MarkMet(recordedAt.AddDays(21));
        }
    }

    private static void AddItem(AppDbContext db, string village, Guid provider, NeedCategory type, string title, int times, FrequencyPeriod period, List<Need> needs, Guid? issue,
        bool approved, DateTime at)
    {
        var item = new ServiceListItem(village, provider, "provider", at);
        item.Describe(type, title, times, period, needs.Select(n => n.Id), needs.Select(n => n.ElderId), issue);
        if (approved)
        {
            item.Approve("village", "同意", at.AddDays(2));
        }

        db.Add(item);
    }

    private static string Observation(Random random) => random.Next(0, 5) switch
    {
        0 => "老人身体尚可，独自在家，冰箱里菜不多。",
        1 => "老伴照顾，屋内整洁，提到想去食堂吃饭。",
        2 => "子女在外地打工，老人说平时少有人说话。",
        3 => "腿脚不便，上下楼梯吃力，药快吃完了。",
        _ => "精神不错，对食堂菜谱提了建议。",
    };
}
