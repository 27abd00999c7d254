using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using CoCare.Volunteers.Domain;

namespace CoCare.Web.Demo;

/// <summary>
/// G village's silver volunteer team (银发志愿服务队) and its year: the team leader (the demo account "volunteer") and
/// fifteen villagers with skills and free weekdays, two shifts a week at the drum-tower canteen (kitchen help on
/// Tuesdays, meal delivery on Fridays) with attendance confirmed by the social workers, the hours minted into each
/// volunteer's time-bank account from the project's bank, and a few redemptions for elders. Balances are the sums
/// of the postings, as the ledger check requires.
/// </summary>
internal static class DrumTowerVolunteers
{
    private static readonly string[] Surnames = ["杨", "吴", "石", "龙", "覃", "韦", "梁", "潘", "蒙", "陆"];
    private static readonly string[] GivenNames = ["桂芳", "金花", "老三", "秀珍", "明亮", "凤英", "福生", "小妹", "光荣", "美玲"];

    /// <summary>The leader cooks, delivers meals, keeps elders company, cuts hair and mends things (the home services they take).</summary>
    public static IReadOnlyList<Skill> LeaderSkills { get; } = [Skill.MealDelivery, Skill.Cooking, Skill.Companionship, Skill.Haircut, Skill.MinorRepairs];

    public static void Add(AppDbContext db, Guid projectId, string village, string leaderName, string leaderAccountId, string coordinator,
        IReadOnlyList<(Guid Id, string Name)> elders, Random random, DateTime now)
    {
        var today = ChinaTime.Day(now);
        var start = today.AddDays(-364);
        var leader = new Volunteer(leaderName, village, leaderAccountId, start);
        leader.Describe(leaderName, LeaderSkills, Weekdays.Tuesday | Weekdays.Friday | Weekdays.Saturday, true, true);
        var volunteers = new List<Volunteer> { leader };
        Skill[][] kinds = [[Skill.Cooking], [Skill.MealDelivery], [Skill.MealDelivery, Skill.Companionship], [Skill.Haircut, Skill.Companionship], [Skill.MinorRepairs, Skill.Driving]];
        for (var i = 0; i < 15; i++)
        {
            var name = Surnames[i % Surnames.Length] + GivenNames[((i * 3) + (i / Surnames.Length)) % GivenNames.Length];
            var v = new Volunteer(name, village, null, start.AddDays(random.Next(0, 120)));
            v.Describe(name, kinds[i % kinds.Length].Append(Skill.MealDelivery).ToList(), Weekdays.Tuesday | Weekdays.Friday | (i % 2 == 0 ? Weekdays.Sunday : Weekdays.None), i % 4 != 3, true);
            volunteers.Add(v);
        }

        db.AddRange(volunteers);
        var team = new Team("银发志愿服务队", village);
        volunteers.ForEach(v => team.Join(v.Id));
        team.Lead(leader.Id);
        db.Add(team);

        var bank = new TimeAccount(AccountKind.ProjectBank, projectId, "鼓楼食堂项目时间银行", village, null);
        var accounts = volunteers.ToDictionary(v => v.Id, v => new TimeAccount(AccountKind.Person, v.Id, v.Name, village, 0));
        db.Add(bank);
        db.AddRange(accounts.Values);
        db.Add(new TimeAccount(AccountKind.Team, team.Id, team.Name, village, 0));

        var transactions = new List<TimeTransaction>();
        for (var day = start; day < today; day = day.AddDays(1))
        {
            var (title, from, to, size) = day.DayOfWeek switch
            {
                DayOfWeek.Tuesday => ("鼓楼食堂帮厨", new TimeOnly(9, 30), new TimeOnly(13, 0), 4),
                DayOfWeek.Friday => ("为居家老人送餐", new TimeOnly(11, 0), new TimeOnly(12, 30), 3),
                _ => ("", default, default, 0),
            };
            if (size == 0)
            {
                continue;
            }

            var shift = new Shift(projectId, village, coordinator, ChinaTime.Utc(day.AddDays(-7), new TimeOnly(9, 0)));
            var delivery = day.DayOfWeek == DayOfWeek.Friday;
            shift.Describe(title, "G村鼓楼食堂", ChinaTime.Utc(day, from), ChinaTime.Utc(day, to), [delivery ? Skill.MealDelivery : Skill.Cooking], size, 1m);
            db.Add(shift);
            var crew = volunteers.Where(v => v.JoinedOn <= day && v.Has(shift.Skills)).OrderBy(_ => random.Next()).Take(size).ToList();
            var place = 1;
            foreach (var v in crew)
            {
                var signup = new Signup(shift, v, place++, shift.PostedAt.Ticks + place, shift.PostedAt);
                signup.CheckIn(shift.StartsAt.AddMinutes(-random.Next(0, 15)));
                signup.CheckOut(shift.EndsAt.AddMinutes(random.Next(-10, 5)));
                var minutes = signup.Confirm(null, delivery ? random.Next(5, 10) : null, coordinator, shift.EndsAt.AddHours(2));
                var credit = shift.CreditFor(minutes);
                var key = "mint:" + signup.Id.ToString("D");
                var t = new TimeTransaction(TransactionKind.Mint, key, TimeTransaction.HashOf(key, credit), title, "signup:" + signup.Id.ToString("D"), null, coordinator,
                    signup.ConfirmedAt!.Value);
                t.Postings.Add(new TimePosting(bank.Id, -credit));
                t.Postings.Add(new TimePosting(accounts[v.Id].Id, credit));
                bank.Post(-credit);
                accounts[v.Id].Post(credit);
                signup.Credited(t.Id);
                db.Add(signup);
                transactions.Add(t);
            }
        }

        // A few volunteers spent hours on a haircut or companionship for an elder at home.
        foreach (var (v, i) in volunteers.Take(5).Select((v, i) => (v, i)))
        {
            var account = accounts[v.Id];
            var minutes = Math.Min(120, account.Balance);
            if (minutes <= 0)
            {
                continue;
            }

            var type = i % 2 == 0 ? "Haircut" : "Companionship";
            var at = ChinaTime.Utc(today.AddDays(-30 + (i * 5)), new TimeOnly(15, 0));
            var (elderId, elderName) = elders[i % elders.Count];
            var order = new ServiceOrder(elderId, village, type, OrderSource.TimeBank, null, null, v.Name, at);
            order.NameElder(elderName);
            db.Add(order);
            var key = "demo-redeem-" + i;
            var t = new TimeTransaction(TransactionKind.Redeem, key, TimeTransaction.HashOf(key, minutes), type, "order:" + order.Id.ToString("D"), null, v.Name, at);
            t.Postings.Add(new TimePosting(account.Id, -minutes));
            t.Postings.Add(new TimePosting(bank.Id, minutes));
            account.Post(-minutes);
            bank.Post(minutes);
            transactions.Add(t);
        }

        db.AddRange(transactions);
    }
}
