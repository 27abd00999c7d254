using CoCare.Data;
using CoCare.Directory.Domain;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Services.Domain;
using CoCare.Voice.Domain;

namespace CoCare.Web.Demo;

/// <summary>
/// A T-city-like demo city (seeds/003, T city in 2023), scaled down, whose raw records give the city's figures through the
/// KPI definitions: 156 community service facilities, 86% of the 50 urban communities and 42% of the 200 villages
/// covered, satisfaction 89%, 27% of rural care workers certified, and an urban–rural gap of 3.2 (places per 1,000
/// elders: 1,680 places for 1,000 urban elders against 840 for 1,600 rural ones). Every figure is counted from these
/// records, never stored. The city's code (<see cref="City"/>) is named in the README.
/// </summary>
internal static class TCityScenario
{
    public const string City = "459000000000";
    private const string District = "459002000000";
    private const string County = "459021000000";
    private const int UrbanCommunities = 50;
    private const int CoveredCommunities = 43;
    private const int Villages = 200;
    private const int CoveredVillages = 84;
    private const int UrbanElders = 1_000;
    private const int RuralElders = 1_600;

    public static (Organization Bureau, Organization Provider) Add(AppDbContext db, PersonalDataCipher cipher, string province, DateTime now)
    {
        var today = ChinaTime.Day(now);
        db.AddRange(
            new Region(City, "T市（示例）", RegionLevel.City, province, RegionKind.Urban),
            new Region(District, "T市城区（示例）", RegionLevel.County, City, RegionKind.Urban),
            new Region(County, "T县（示例）", RegionLevel.County, City, RegionKind.Rural));
        var communities = new List<string>();
        for (var street = 1; street <= 2; street++)
        {
            var code = $"459002{street:000}000";
            db.Add(new Region(code, $"示例{street}街道", RegionLevel.Township, District, RegionKind.Urban));
            for (var c = 1; c <= UrbanCommunities / 2; c++)
            {
                communities.Add($"459002{street:000}{c:000}");
                db.Add(new Region(communities[^1], $"示例{street}街道第{c}社区", RegionLevel.Village, code, RegionKind.Urban));
            }
        }

        var villages = new List<string>();
        for (var town = 1; town <= 4; town++)
        {
            var code = $"459021{100 + town:000}000";
            db.Add(new Region(code, $"示例{town}镇", RegionLevel.Township, County, RegionKind.Rural));
            for (var v = 1; v <= Villages / 4; v++)
            {
                villages.Add($"459021{100 + town:000}{200 + v:000}");
                db.Add(new Region(villages[^1], $"示例{town}镇{v}村", RegionLevel.Village, code, RegionKind.Rural));
            }
        }

        var bureau = new Organization("T市民政局（示例）", OrganizationType.GovernmentDepartment, City);
        var provider = new Organization("T市颐康养老服务中心（示例）", OrganizationType.SocialOrganization, City);
        db.AddRange(bureau, provider);

        AddFacilities(db, communities, villages);
        AddElders(db, cipher, communities, "459002", UrbanElders, today, now);
        AddElders(db, cipher, villages, "459021", RuralElders, today, now);
        AddCareWorkers(db, provider.Id, communities, "城", certified: 39, all: 60);
        AddCareWorkers(db, provider.Id, villages, "乡", certified: 27, all: 100);
        AddRatings(db, communities.Concat(villages).ToList(), provider.Id, now);
        return (bureau, provider);
    }

    /// <summary>72 urban points (43 communities, 29 of them with a second) with 1,680 places; 84 village points with 10 places each.</summary>
    private static void AddFacilities(AppDbContext db, List<string> communities, List<string> villages)
    {
        var sessions = new[] { new MealSession("午餐", new TimeOnly(11, 0), new TimeOnly(13, 0)) };
        var urban = communities.Take(CoveredCommunities).Concat(communities.Take(156 - CoveredCommunities - CoveredVillages)).ToList();
        for (var i = 0; i < urban.Count; i++)
        {
            var point = new ServicePoint($"社区养老服务站{i + 1:000}（示例）", urban[i]);
            point.Describe(point.Name, urban[i], "T市城区（示例）", null, i < 48 ? 24 : 22, sessions, active: true);
            db.Add(point);
        }

        for (var i = 0; i < CoveredVillages; i++)
        {
            var village = villages[i * Villages / CoveredVillages];
            var point = new ServicePoint($"村级互助养老点{i + 1:000}（示例）", village);
            point.Describe(point.Name, village, "T县（示例）", null, 10, sessions, active: true);
            db.Add(point);
        }
    }

    private static void AddElders(AppDbContext db, PersonalDataCipher cipher, List<string> places, string idRegion, int count, DateOnly today, DateTime now)
    {
        for (var i = 0; i < count; i++)
        {
            // A distinct birth day per elder (61 to about 94 years old), so the synthetic ID numbers never collide.
            var birth = new DateOnly(today.Year - 61, 1, 1).AddDays(-(i * 7 % 12_000));
            var first17 = $"{idRegion}{birth:yyyyMMdd}{i % 1000:000}";
            var id = first17 + ResidentIdNumber.CheckCharacter(first17);
            ResidentIdNumber.TryParse(id, today, out var number, out _);
            var village = places[i % places.Count];
            var elder = new Elder(village, now);
            elder.SetIdentity($"T示例{idRegion[^2..]}{i + 1:0000}", number!.Gender, number.BirthDate, cipher.Encrypt(id)!, cipher.BlindIndex(id), number.Masked);
            elder.SetContact(null, null, null, null, village, null, null);
            elder.RecordConsent(new ConsentRecord(ConsentScope.BasicData, true, now, "provider", "本人"));
            db.Add(elder);
        }
    }

    private static void AddCareWorkers(AppDbContext db, Guid providerId, List<string> places, string label, int certified, int all)
    {
        for (var i = 0; i < all; i++)
        {
            var worker = new Person($"护理员示例{label}{i + 1:000}", providerId, "养老护理员");
            worker.DescribeCare(true, i < certified ? $"YLHL-DEMO-{label}{i + 1:0000}" : null, places[i * places.Count / all]);
            db.Add(worker);
        }
    }

    /// <summary>1,000 survey answers over the last year, 890 of them 4 or 5.</summary>
    private static void AddRatings(AppDbContext db, List<string> places, Guid providerId, DateTime now)
    {
        for (var i = 0; i < 1_000; i++)
        {
            var score = i % 100 < 89 ? 4 + (i % 2) : 1 + (i % 3);
            db.Add(new SatisfactionRating(RatedSubject.Survey, Guid.CreateVersion7(), places[i % places.Count], providerId, null, null, score, null, "provider",
                now.AddDays(-(i % 360)).AddHours(-1)));
        }
    }
}
