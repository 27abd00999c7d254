using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Services.Domain;
using CoCare.Voice.Domain;
using CoCare.Voice.Features.Feedback;

namespace CoCare.Web.Demo;

/// <summary>
/// The village's voice in the demo: the canteen-access topic and the assembly that decided it (a villager who did not
/// help build the canteen may eat there once he has made up 20 hours of labour), a year of feedback through every
/// channel, and the satisfaction ratings behind the case's 97.85% (1,957 of 2,000 ratings at 4 or 5).
/// </summary>
internal static class DrumTowerVoice
{
    public const int Ratings = 2000;
    public const int Satisfied = 1957;

    public static void Add(AppDbContext db, PersonalDataCipher cipher, string village, Guid committee, Guid association, Guid provider, string clerk,
        IReadOnlyList<Elder> elders, IReadOnlyList<MealCheckIn> meals, IReadOnlyList<ServiceOrder> orders, Random random, DateTime now)
    {
        var today = ChinaTime.Day(now);
        var excluded = elders.First(e => e.Gender == Gender.Male);
        AddAssembly(db, village, committee, excluded, clerk, today);
        AddFeedback(db, cipher, village, provider, association, clerk, random, now);
        AddRatings(db, village, provider, meals, orders, random);
    }

    private static void AddAssembly(AppDbContext db, string village, Guid committee, Elder excluded, string clerk, DateOnly today)
    {
        var heldOn = today.AddDays(-200);
        var at = ChinaTime.Utc(heldOn, new TimeOnly(19, 30));
        var topic = new Topic(village, RaisedBy.ResidentOrganization, "G村老人协会", null, clerk, at.AddDays(-14));
        topic.Describe("建食堂时未出工的村民能否到鼓楼食堂就餐", $"{excluded.Name}在修缮鼓楼、建食堂时没有出工。食堂建成后，其他村民不同意他进食堂吃饭。提请村民大会讨论。");
        for (var i = 0; i < 23; i++)
        {
            topic.Support("demo-supporter-" + i);
        }

        var meeting = new Meeting(village, committee, clerk);
        meeting.Describe("G村村民大会（鼓楼食堂就餐资格）", "G村1号鼓楼", at, QuorumRule.MoreThanHalf, [topic.Id]);
        topic.Schedule();
        meeting.Open();
        var roll = Enumerable.Range(1, 60).Select(i => new Participant(meeting.Id, "户代表" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), $"{((i - 1) / 10) + 1}组{i}户", null)).ToList();
        for (var i = 0; i < roll.Count; i++)
        {
            if (i < 41)
            {
                roll[i].MarkAttendance(Attendance.InPerson, null, null);
            }
            else if (i < 44)
            {
                roll[i].MarkAttendance(Attendance.Proxy, roll[i].Name + "家属", $"委托书（{heldOn:yyyy-MM-dd}），{roll[i].Name}签字按手印，委托家属代为出席并表决");
            }
        }

        var motion = new Motion(meeting.Id, topic.Id, $"准予{excluded.Name}在为食堂补出工 20 小时后到鼓楼食堂就餐；补工完成前暂不享受助餐服务。", ["同意", "不同意", "弃权"],
            MajorityRule.SimpleOfCast, secret: false, at.AddMinutes(40));
        var tally = new Tally(motion.Id, [35, 6, 3], clerk, at.AddMinutes(55));
        motion.Close(meeting, roll.Count, roll.Count(p => p.IsPresent), tally.Counts, at.AddMinutes(60));
        var decision = new Decision(motion, meeting, $"{excluded.Name}补出工 20 小时后准予到食堂就餐", at.AddMinutes(60));
        topic.Decided();
        meeting.Close($"应到 60 户，实到 41 户，委托出席 3 户，超过半数。议题：{topic.Title}。表决结果：同意 35，不同意 6，弃权 3，通过。");
        var rule = new VoiceRule(decision, RuleKind.CanteenAdmission, excluded.Id, excluded.Name, null, "为鼓楼食堂补出工 20 小时（由村委会登记）", heldOn, null);
        db.AddRange(topic, meeting);
        db.AddRange(roll);
        db.AddRange(motion, tally, decision, rule);
    }

    private static void AddFeedback(AppDbContext db, PersonalDataCipher cipher, string village, Guid provider, Guid association, string clerk, Random random, DateTime now)
    {
        (FeedbackKind Kind, FeedbackChannel Channel, string Text, string Answer)[] samples =
        [
            (FeedbackKind.Complaint, FeedbackChannel.PhoneCall, "今天的饭菜有点咸，老人吃不惯。", "已请厨师减盐，之后每周由老人协会试菜。"),
            (FeedbackKind.Suggestion, FeedbackChannel.PaperForm, "希望周末也能开餐。", "已与村委商量，周六中午试开一餐。"),
            (FeedbackKind.Praise, FeedbackChannel.HomeVisit, "送餐的志愿者很耐心，每次都陪我说说话。", "谢谢您的鼓励，已转告银发志愿服务队。"),
            (FeedbackKind.Complaint, FeedbackChannel.Volunteer, "雨天送餐迟到了半小时，饭有点凉。", "雨天改用保温箱，并提前半小时出发。"),
            (FeedbackKind.Suggestion, FeedbackChannel.PublicWeb, "食堂门口的台阶太高，轮椅上不去。", "已在 1 号鼓楼门口加装坡道。"),
            (FeedbackKind.Praise, FeedbackChannel.PublicWeb, "鼓楼食堂让我们老人有了一起吃饭聊天的地方。", "感谢您，欢迎常来。"),
        ];
        for (var i = 0; i < 48; i++)
        {
            var (kind, channel, text, answer) = samples[i % samples.Length];
            var received = now.AddDays(-360 + (i * 7)).AddHours(random.Next(0, 8));
            var options = new FeedbackOptions();
            var item = new FeedbackItem(village, kind, channel, text, anonymous: i % 3 == 0, channel == FeedbackChannel.PublicWeb ? "public" : clerk, received,
                WorkingDays.Deadline(received, options.DaysFor(kind)));
            item.Contact(cipher.Encrypt("村民" + (i + 1)), cipher.Encrypt("1390000" + (1000 + i)), Masking.Phone("1390000" + (1000 + i)));
            db.Add(item);
            if (i == 47)
            {
                continue; // the newest one is waiting for an answer
            }

            var responder = kind == FeedbackKind.Suggestion && i % 2 == 0 ? association : provider;
            item.Assign(responder);

            // Most are answered within a day or two; one in eight takes longer than its deadline.
            var answeredAt = i % 8 == 5 ? item.DueAt.AddDays(2) : received.AddHours(random.Next(3, 40));
            db.Add(item.Answer(responder, "demo", answer, answeredAt));
            item.Resolve(answeredAt.AddHours(1));
            if (i % 2 == 0)
            {
                item.Rate(i % 8 == 5 ? 3 : 5);
            }
        }
    }

    private static void AddRatings(AppDbContext db, string village, Guid provider, IReadOnlyList<MealCheckIn> meals, IReadOnlyList<ServiceOrder> orders, Random random)
    {
        // Spread over the whole year (every n-th service and meal), so any period's rate has ratings behind it.
        static List<T> Spread<T>(IReadOnlyList<T> all, int count) => Enumerable.Range(0, Math.Min(count, all.Count)).Select(i => all[i * all.Count / Math.Min(count, all.Count)]).ToList();
        var completed = Spread(orders.Where(o => o.Status == OrderStatus.Completed && o.CompletedAt is not null).ToList(), Ratings / 2);
        var served = Spread(meals, Ratings - completed.Count);
        var scores = Enumerable.Range(0, Ratings).Select(i => i < Satisfied ? (i % 5 == 0 ? 4 : 5) : (i % 2 == 0 ? 3 : 2)).OrderBy(_ => random.Next()).ToList();
        var n = 0;
        foreach (var o in completed)
        {
            db.Add(new SatisfactionRating(RatedSubject.Service, o.Id, o.VillageCode, provider, o.ServiceTypeCode, null, scores[n++], null, "demo", o.CompletedAt!.Value.AddHours(1)));
        }

        foreach (var m in served)
        {
            db.Add(new SatisfactionRating(RatedSubject.Meal, m.Id, village, provider, "Meals", m.ServicePointId, scores[n++], null, "demo", m.At.AddMinutes(30)));
        }
    }
}
