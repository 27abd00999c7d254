using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using CoCare.Volunteers.Domain;

namespace CoCare.Web.Demo;

/// <summary>
/// The county's catalogue: the six helps and four more services, with prices in the range rural canteens charge, and
/// the meal subsidies the Drum Tower case describes (低保 and 特困 eat free, 80+ pay ¥5 less, one subsidised meal a day).
/// </summary>
internal static class DrumTowerServices
{
    /// <summary>Where the restored drum tower stands (near 林溪镇, 三江), the canteen and the start of every delivery round.</summary>
    public static readonly GeoPoint DrumTower = new(25.9210, 109.6310);

    /// <summary>
    /// The drum tower canteen (鼓楼食堂): lunch and supper for the village's elders, and a menu for each day of the coming
    /// week — soft and low-salt dishes every day — so the canteen has a menu whichever day of the demo week it is shown.
    /// </summary>
    public static ServicePoint AddCanteen(AppDbContext db, string village, DateTime now)
    {
        var point = new ServicePoint("鼓楼食堂", village);
        point.Describe("鼓楼食堂", village, "G村鼓楼（村委旁）", DrumTower, 60,
            [new MealSession("午餐", new TimeOnly(11, 0), new TimeOnly(13, 0)), new MealSession("晚餐", new TimeOnly(17, 0), new TimeOnly(18, 30))], active: true);
        db.Add(point);
        var today = ChinaTime.Day(now);
        for (var day = 0; day < WeekMenu.Length; day++)
        {
            var menu = new DailyMenu(point.Id, today.AddDays(day));
            menu.SetDishes([.. WeekMenu[day], new Dish("米饭", Soft: false, LowSalt: true)]);
            db.Add(menu);
        }

        return point;
    }

    /// <summary>A week of the canteen's dishes (rice every day besides); each day has a soft, low-salt dish.</summary>
    private static readonly Dish[][] WeekMenu =
    [
        [new("清蒸鱼", Soft: true, LowSalt: true), new("冬瓜排骨汤", Soft: true, LowSalt: true), new("青菜炒香菇", Soft: false, LowSalt: true), new("酸笋炒肉", Soft: false, LowSalt: false), new("南瓜粥", Soft: true, LowSalt: true)],
        [new("肉末蒸蛋", Soft: true, LowSalt: true), new("萝卜炖牛腩", Soft: true, LowSalt: true), new("清炒菜心", Soft: false, LowSalt: true), new("小米粥", Soft: true, LowSalt: true)],
        [new("豆腐酿", Soft: true, LowSalt: true), new("玉米排骨汤", Soft: true, LowSalt: true), new("炒南瓜苗", Soft: false, LowSalt: true), new("红薯粥", Soft: true, LowSalt: true)],
        [new("土豆炖鸡", Soft: true, LowSalt: true), new("番茄蛋汤", Soft: true, LowSalt: true), new("蒜蓉油麦菜", Soft: false, LowSalt: true), new("腊肉炒笋", Soft: false, LowSalt: false)],
        [new("清蒸鲈鱼", Soft: true, LowSalt: true), new("丝瓜蛋汤", Soft: true, LowSalt: true), new("炒白菜", Soft: false, LowSalt: true), new("八宝粥", Soft: true, LowSalt: true)],
        [new("肉丸冬瓜汤", Soft: true, LowSalt: true), new("蒸水蛋", Soft: true, LowSalt: true), new("炒豆角", Soft: false, LowSalt: true), new("酸鸭", Soft: false, LowSalt: false)],
        [new("油茶", Soft: true, LowSalt: false), new("香菇蒸鸡", Soft: true, LowSalt: true), new("清炒芥菜", Soft: false, LowSalt: true), new("山药粥", Soft: true, LowSalt: true)],
    ];

    public static void Add(AppDbContext db, DateTime now)
    {
        // The last column is the volunteer skill that lets a volunteer deliver the service; bathing, cleaning, medicine
        // delivery and emergencies are for the provider's staff.
        (string Code, string Zh, string En, bool Six, ServiceUnit Unit, int Standard, int Minimum, long PriceFen, Skill? Skill)[] types =
        [
            ("Meals", "助餐", "Meals", true, ServiceUnit.Meal, 30, 0, 10_00, Skill.MealDelivery),
            ("Cleaning", "助洁", "Cleaning", true, ServiceUnit.Visit, 90, 45, 40_00, null),
            ("Bathing", "助浴", "Bathing", true, ServiceUnit.Visit, 60, 30, 50_00, null),
            ("Medical", "助医", "Medical help", true, ServiceUnit.Visit, 60, 20, 30_00, Skill.HealthChecks),
            ("Mobility", "助行", "Mobility", true, ServiceUnit.Visit, 60, 20, 20_00, Skill.Driving),
            ("Emergency", "助急", "Emergency help", true, ServiceUnit.Visit, 30, 10, 0, null),
            ("MedicineDelivery", "送药", "Medicine delivery", false, ServiceUnit.Visit, 30, 10, 10_00, null),
            ("Companionship", "精神慰藉", "Companionship", false, ServiceUnit.Hour, 60, 30, 0, Skill.Companionship),
            ("Haircut", "理发", "Haircut", false, ServiceUnit.Visit, 30, 15, 10_00, Skill.Haircut),
            ("Repairs", "维修", "Minor repairs", false, ServiceUnit.Visit, 60, 20, 20_00, Skill.MinorRepairs),
        ];
        foreach (var t in types)
        {
            var type = new ServiceType(t.Code);
            type.Describe(t.Zh, t.En, t.Six, t.Unit, t.Standard, t.Minimum, t.PriceFen, active: true);
            type.LetVolunteersWith(t.Skill?.ToString());
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
