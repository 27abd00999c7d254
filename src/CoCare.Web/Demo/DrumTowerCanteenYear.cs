using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Services.Domain;

namespace CoCare.Web.Demo;

/// <summary>
/// The drum tower canteen's year (seeds/002: 7,928 canteen meals in G village): that many individual check-ins over the
/// 365 days before today, by the village's elders — a core of regulars (the old, the poor, those living alone) most
/// days at lunch, others now and then, a few suppers — each priced by the subsidy rules in the catalogue exactly as the
/// counter prices it (one subsidised meal per elder per day), with the payment recorded. Nothing is typed in as a total.
/// </summary>
internal static class DrumTowerCanteenYear
{
    public const int Meals = 7_928;

    public static List<MealCheckIn> Build(ServicePoint point, IReadOnlyList<Elder> elders, ServiceType meals, IReadOnlyList<SubsidyRule> rules, DateTime now)
    {
        var random = new Random(2024);
        var today = ChinaTime.Day(now);
        var first = today.AddDays(-365);
        bool Regular(Elder e) => e.AgeOn(today) >= 80 || e.Categories.Contains(ElderCategory.SubsistenceAllowance)
            || e.Categories.Contains(ElderCategory.ExtremePoverty) || e.Categories.Contains(ElderCategory.LivingAlone);
        var regulars = elders.Where(Regular).OrderBy(_ => random.Next()).Take(30).ToList();
        var occasional = elders.Except(regulars).ToList();
        var lunch = point.Sessions[0];
        var supper = point.Sessions[^1];
        var subsidised = new HashSet<(Guid, DateOnly)>();
        var checkIns = new List<MealCheckIn>(Meals);
        var perDay = Meals / 365.0;
        for (var d = 0; d < 365 && checkIns.Count < Meals; d++)
        {
            var day = first.AddDays(d);
            // About 21.7 meals a day: 17–18 regulars at lunch, the rest occasional diners and suppers; the total lands on the year's figure.
            var target = (int)Math.Round(perDay * (d + 1)) - checkIns.Count;
            var diners = regulars.OrderBy(_ => random.Next()).Take(Math.Min(target, 17 + random.Next(0, 3)))
                .Concat(occasional.OrderBy(_ => random.Next()).Take(Math.Max(0, target - 18))).ToList();
            while (diners.Count < target)
            {
                diners.Add(regulars[random.Next(regulars.Count)]); // a regular back for supper
            }

            foreach (var elder in diners.Take(target))
            {
                var again = checkIns.Count > 0 && subsidised.Contains((elder.Id, day));
                var session = again ? supper : (random.NextDouble() < 0.9 ? lunch : supper);
                var minutes = (int)(session.Closes - session.Opens).TotalMinutes;
                var at = ChinaTime.Utc(day, session.Opens.AddMinutes(random.Next(0, Math.Max(1, minutes - 10))).Add(TimeSpan.FromSeconds(random.Next(0, 60))));
                var facts = Facts(elder, day);
                var price = Pricing.Quote(meals, rules, facts, day, subsidised.Contains((elder.Id, day)));
                var onceADay = price.Subsidies.Count > 0 && rules.First(r => r.Id == price.Subsidies[0].RuleId).OncePerDay;
                if (onceADay)
                {
                    subsidised.Add((elder.Id, day));
                }

                var wallet = random.NextDouble() < 0.3;
                var method = elder.ServiceCardNumber is null || random.NextDouble() < 0.08 ? CheckInMethod.NameSearch : random.NextDouble() < 0.3 ? CheckInMethod.QrCode : CheckInMethod.Card;
                checkIns.Add(new MealCheckIn(Guid.CreateVersion7(new DateTimeOffset(at)), point, facts, session, at, method, price, onceADay,
                    wallet ? PaymentMethod.EWallet : PaymentMethod.Cash, wallet ? $"WX{day:yyyyMMdd}{checkIns.Count:00000}" : null, random.NextDouble() < 0.6 ? "volunteer" : "provider"));
            }
        }

        return checkIns;
    }

    internal static ElderFacts Facts(Elder elder, DateOnly day)
    {
        var categories = elder.Categories.Select(c => c.ToString()).ToList();
        if (elder.AgeOn(day) >= 80)
        {
            categories.Add("AdvancedAge");
        }

        return new ElderFacts(elder.Id, elder.Name, elder.VillageCode, elder.BirthDate, categories, elder.HealthDataConsented ? elder.CurrentLevel?.ToString() : null);
    }
}
