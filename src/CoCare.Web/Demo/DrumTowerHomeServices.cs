using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Services.Domain;

namespace CoCare.Web.Demo;

/// <summary>
/// The social organization's home services in the same year: 2,400 completed service orders (助洁, 助浴, 助医, 助行,
/// 送药, 精神慰藉, 理发, 维修) by the provider's worker and the silver volunteer team, so that with the canteen's 7,928
/// meals the year's service person-times come to the 10,328 of seeds/002. Each order is one visit with check-in and
/// check-out at the elder's home and the elder's code; a few are shorter than the service's minimum and carry the signal.
/// A volunteer is given only the services their skills allow (the assignment rule); staff (no skills listed) any.
/// </summary>
internal static class DrumTowerHomeServices
{
    public const int Orders = 2_400;

    public static List<ServiceOrder> Build(IReadOnlyList<Elder> elders, IReadOnlyList<ServiceType> types, IReadOnlyList<SubsidyRule> rules, IReadOnlyList<(string Id, string Name, IReadOnlyList<string>? Skills)> workers, DateTime now)
    {
        var random = new Random(2025);
        var home = types.Where(t => t.Code != "Meals" && t.Code != "Emergency").ToList();
        var weights = new Dictionary<string, int> { ["Cleaning"] = 30, ["Companionship"] = 20, ["MedicineDelivery"] = 15, ["Medical"] = 10, ["Bathing"] = 8, ["Mobility"] = 7, ["Haircut"] = 6, ["Repairs"] = 4 };
        var bag = home.SelectMany(t => Enumerable.Repeat(t, weights.GetValueOrDefault(t.Code, 1))).ToList();
        var bags = workers.Select(w => bag.Where(t => w.Skills is null || (t.VolunteerSkill is { } skill && w.Skills.Contains(skill))).ToList()).ToList();
        var served = elders.Where(e => e.AgeOn(ChinaTime.Day(now)) >= 75 || e.Categories.Count > 0).ToList();
        var today = ChinaTime.Day(now);
        var orders = new List<ServiceOrder>(Orders);
        for (var n = 0; n < Orders; n++)
        {
            var day = today.AddDays(-365 + (n * 365 / Orders));
            var worker = workers[n % workers.Count];
            var slot = n / workers.Count % 3; // three visits a day at most per worker, never overlapping
            var theirs = bags[n % workers.Count];
            var type = theirs[random.Next(theirs.Count)];
            var elder = served[random.Next(served.Count)];
            var start = ChinaTime.Utc(day, new TimeOnly(8 + (slot * 3), random.Next(0, 30)));
            var minutes = random.NextDouble() < 0.01 ? Math.Max(1, type.MinimumMinutes - 5) : type.StandardMinutes + random.Next(-5, 20);
            var end = start.AddMinutes(minutes);
            var place = elder.Latitude is { } lat && elder.Longitude is { } lon ? new GeoPoint(lat + 0.0002, lon) : null;
            var order = new ServiceOrder(elder.Id, elder.VillageCode, type.Code, n % 4 == 0 ? OrderSource.Need : OrderSource.ServiceList, null, start, "provider", start.AddDays(-2));
            order.NameElder(elder.Name);
            order.Assign(worker.Id, worker.Name);
            order.Accept(worker.Id);
            order.CheckIn(start, place, start.AddMinutes(1));
            order.CheckOut(end, place, end.AddMinutes(1));
            order.Price(Pricing.Quote(type, rules.Where(r => r.ServiceTypeCode == type.Code), DrumTowerCanteenYear.Facts(elder, day), day, false));
            order.Complete(Confirmation.ElderCode, minutes < type.MinimumMinutes ? [FraudRules.ShortDuration] : [], end.AddMinutes(2));
            orders.Add(order);
        }

        return orders;
    }
}
