using CoCare.Data;
using CoCare.Services.Domain;

namespace CoCare.Web.Demo;

/// <summary>
/// The county's catalogue: the six helps and four more services, with prices in the range rural canteens charge, and
/// the meal subsidies the Drum Tower case describes (低保 and 特困 eat free, 80+ pay ¥5 less, one subsidised meal a day).
/// </summary>
internal static class DrumTowerServices
{
    public static void Add(AppDbContext db, DateTime now)
    {
        (string Code, string Zh, string En, bool Six, ServiceUnit Unit, int Standard, int Minimum, long PriceFen)[] types =
        [
            ("Meals", "助餐", "Meals", true, ServiceUnit.Meal, 30, 0, 10_00),
            ("Cleaning", "助洁", "Cleaning", true, ServiceUnit.Visit, 90, 45, 40_00),
            ("Bathing", "助浴", "Bathing", true, ServiceUnit.Visit, 60, 30, 50_00),
            ("Medical", "助医", "Medical help", true, ServiceUnit.Visit, 60, 20, 30_00),
            ("Mobility", "助行", "Mobility", true, ServiceUnit.Visit, 60, 20, 20_00),
            ("Emergency", "助急", "Emergency help", true, ServiceUnit.Visit, 30, 10, 0),
            ("MedicineDelivery", "送药", "Medicine delivery", false, ServiceUnit.Visit, 30, 10, 10_00),
            ("Companionship", "精神慰藉", "Companionship", false, ServiceUnit.Hour, 60, 30, 0),
            ("Haircut", "理发", "Haircut", false, ServiceUnit.Visit, 30, 15, 10_00),
            ("Repairs", "维修", "Minor repairs", false, ServiceUnit.Visit, 60, 20, 20_00),
        ];
        foreach (var t in types)
        {
            var type = new ServiceType(t.Code);
            type.Describe(t.Zh, t.En, t.Six, t.Unit, t.Standard, t.Minimum, t.PriceFen, active: true);
            db.Add(type);
        }

        var from = new DateOnly(DateOnly.FromDateTime(now).Year - 1, 1, 1);
        db.AddRange(
            new SubsidyRule("Meals", "低保老人助餐免费", new SubsidyCondition("SubsistenceAllowance", null, null), SubsidyKind.Free, 0, 0, oncePerDay: true, from, null, "purchaser", now),
            new SubsidyRule("Meals", "特困老人助餐免费", new SubsidyCondition("ExtremePoverty", null, null), SubsidyKind.Free, 0, 0, oncePerDay: true, from, null, "purchaser", now),
            new SubsidyRule("Meals", "80 岁以上老人每餐减 5 元", new SubsidyCondition(null, 80, null), SubsidyKind.AmountOff, 5_00, 0, oncePerDay: true, from, null, "purchaser", now),
            new SubsidyRule("Cleaning", "中度以上失能老人助洁半价", new SubsidyCondition(null, null, "Moderate"), SubsidyKind.PercentOff, 0, 50, oncePerDay: false, from, null, "purchaser", now),
            new SubsidyRule("Bathing", "中度以上失能老人助浴半价", new SubsidyCondition(null, null, "Moderate"), SubsidyKind.PercentOff, 0, 50, oncePerDay: false, from, null, "purchaser", now));
    }
}
