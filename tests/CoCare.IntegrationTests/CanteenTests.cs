using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoCare.Kernel;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class CanteenTests(SharedApps apps)
{
    /// <summary>A new elder of G village: its id and service card number.</summary>
    internal static async Task<(Guid Id, string Card, string Name)> ElderAsync(HttpClient provider, int age, params string[] categories)
    {
        var birth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-age).AddDays(-40);
        var body = JsonSerializer.SerializeToNode(ResidentsApiTests.Elder(ResidentsApiTests.NewIdNumber(birth, female: true), birth, "Female"), CoCareApp.Json)!.AsObject();
        body["categories"] = new JsonArray([.. categories.Select(c => JsonValue.Create(c))]);
        var elder = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/elders", body), 201);
        return (elder.GetProperty("id").GetGuid(), elder.GetProperty("serviceCardNumber").GetString()!, elder.GetProperty("name").GetString()!);
    }

    /// <summary>A service point for <paramref name="region"/> open all day, or only in <paramref name="session"/>.</summary>
    internal static async Task<Guid> PointAsync(HttpClient provider, string region = ResidentsApiTests.GVillage, (TimeOnly Opens, TimeOnly Closes)? session = null)
    {
        var (opens, closes) = session ?? (TimeOnly.MinValue, TimeOnly.MaxValue);
        var point = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/services/canteens", new
        {
            name = "测试食堂" + Guid.NewGuid().ToString("N")[..4],
            regionCode = region,
            address = "村委旁",
            latitude = 25.92,
            longitude = 109.63,
            seatsPerSession = 40,
            sessions = new[] { new { name = "全天", opens, closes } },
        }), 201);
        return point.GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> CheckInAsync(HttpClient client, Guid point, object body) =>
        client.PostAsJsonAsync($"/api/v1/services/canteens/{point}/checkins", body);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AFreeMeal_ThenASecondMealTheSameDay_IsAtFullPrice_WithTheReasonShown(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        using var volunteer = await app.ClientAsync("volunteer");
        var point = await PointAsync(provider);
        var elder = await ElderAsync(provider, 70, "SubsistenceAllowance");

        var first = await HttpAssert.JsonAsync(await CheckInAsync(volunteer, point, new { checkInId = Guid.NewGuid(), card = elder.Card }), 201);
        var meal = first.GetProperty("checkIn");
        Assert.Equal((1000, 1000, 0), (meal.GetProperty("listPriceFen").GetInt64(), meal.GetProperty("subsidyFen").GetInt64(), meal.GetProperty("paidFen").GetInt64()));
        Assert.Equal("低保老人助餐免费", meal.GetProperty("subsidyName").GetString());
        Assert.Equal("None", meal.GetProperty("payment").GetString());
        Assert.Equal("Card", meal.GetProperty("method").GetString());

        var second = await HttpAssert.JsonAsync(await CheckInAsync(volunteer, point, new { checkInId = Guid.NewGuid(), card = "COCARE:CARD:" + elder.Card, payment = "Cash" }), 201);
        var again = second.GetProperty("checkIn");
        Assert.Equal((1000, 0, 1000), (again.GetProperty("listPriceFen").GetInt64(), again.GetProperty("subsidyFen").GetInt64(), again.GetProperty("paidFen").GetInt64()));
        Assert.Equal("QrCode", again.GetProperty("method").GetString());
        Assert.Equal("今天已享受过一次补贴，本次按原价。", second.GetProperty("notAppliedText").GetString());

        var today = await HttpAssert.JsonAsync(await volunteer.GetAsync($"/api/v1/services/canteens/{point}/today"));
        Assert.Equal(2, today.GetProperty("served").GetInt32());
        Assert.Equal(1000, today.GetProperty("paidFen").GetInt64());
        Assert.Equal(1000, today.GetProperty("subsidyFen").GetInt64());
        Assert.Equal(2, today.GetProperty("recent").GetArrayLength());
        var list = await HttpAssert.JsonAsync(await volunteer.GetAsync($"/api/v1/services/canteens/{point}/checkins?q={Uri.EscapeDataString(elder.Name)}"));
        Assert.Equal(2, list.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EightyPlus_PaysFiveLess_AndAStaffSearchByName_ChecksInTheChosenElder(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider", "en");
        var point = await PointAsync(provider);
        var elder = await ElderAsync(provider, 85);

        var found = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/services/canteens/{point}/diners?name={Uri.EscapeDataString(elder.Name)}"));
        var diner = Assert.Single(found.EnumerateArray());
        Assert.Equal(elder.Id, diner.GetProperty("elderId").GetGuid());
        Assert.True(diner.GetProperty("age").GetInt32() >= 85);

        var result = await HttpAssert.JsonAsync(await CheckInAsync(provider, point, new { checkInId = Guid.NewGuid(), elderId = elder.Id, payment = "EWallet", paymentReference = "WX20261123-001" }), 201);
        var meal = result.GetProperty("checkIn");
        Assert.Equal((500, 500), (meal.GetProperty("subsidyFen").GetInt64(), meal.GetProperty("paidFen").GetInt64()));
        Assert.Equal(("NameSearch", "EWallet", "WX20261123-001"), (meal.GetProperty("method").GetString(), meal.GetProperty("payment").GetString(), meal.GetProperty("paymentReference").GetString()));

        await HttpAssert.ProblemAsync(await provider.GetAsync($"/api/v1/services/canteens/{point}/diners?name="), 400);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ARepeatedCheckInId_AnswersTheFirstResult_AndRecordsOneMeal(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var point = await PointAsync(provider);
        var elder = await ElderAsync(provider, 66);
        var id = Guid.NewGuid();

        var first = await HttpAssert.JsonAsync(await CheckInAsync(provider, point, new { checkInId = id, card = elder.Card, payment = "Cash" }), 201);
        var repeat = await HttpAssert.JsonAsync(await CheckInAsync(provider, point, new { checkInId = id, card = elder.Card, payment = "Cash" }), 200);
        Assert.True(repeat.GetProperty("repeated").GetBoolean());
        Assert.Equal(first.GetProperty("checkIn").GetProperty("at").GetDateTime(), repeat.GetProperty("checkIn").GetProperty("at").GetDateTime());
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<MealCheckIn>().CountAsync(c => c.ElderId == elder.Id)));

        var otherPoint = await PointAsync(provider);
        await HttpAssert.ProblemAsync(await CheckInAsync(provider, otherPoint, new { checkInId = id, card = elder.Card }), 409);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FiveHundredConcurrentRequests_WithTheSameCheckInId_RecordExactlyOneMeal(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var point = await PointAsync(provider);
        var elder = await ElderAsync(provider, 72, "ExtremePoverty");
        var id = Guid.NewGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => CheckInAsync(provider, point, new { checkInId = id, card = elder.Card })));
        var codes = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => c == 201));
        Assert.Equal(499, codes.Count(c => c == 200));
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<MealCheckIn>().CountAsync(c => c.ElderId == elder.Id)));
        foreach (var response in responses)
        {
            var body = await HttpAssert.JsonAsync(response, (int)response.StatusCode);
            Assert.Equal(0, body.GetProperty("checkIn").GetProperty("paidFen").GetInt64());
            response.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Refusals_NameTheRule_AndRecordNothing(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        using var admin = await app.ClientAsync("admin");
        var point = await PointAsync(provider);
        var elder = await ElderAsync(provider, 68);
        var before = await app.WithDbAsync(d => d.Set<MealCheckIn>().CountAsync());

        // A card nobody holds (a valid check digit, so it is not a typo) and a mistyped one.
        var unknown = await HttpAssert.ProblemAsync(await CheckInAsync(provider, point, new { checkInId = Guid.NewGuid(), card = "1000000000000008" }), 404);
        Assert.Contains("1000000000000008", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var typo = elder.Card[..15] + (char)('0' + ((elder.Card[15] - '0' + 1) % 10));
        await HttpAssert.ProblemAsync(await CheckInAsync(provider, point, new { checkInId = Guid.NewGuid(), card = typo }), 404);

        // Neither or both ways of naming the diner, no id, a bad payment.
        await HttpAssert.ProblemAsync(await CheckInAsync(provider, point, new { checkInId = Guid.NewGuid() }), 400);
        await HttpAssert.ProblemAsync(await CheckInAsync(provider, point, new { checkInId = Guid.NewGuid(), card = elder.Card, elderId = elder.Id }), 400);
        await HttpAssert.ProblemAsync(await CheckInAsync(provider, point, new { card = elder.Card }), 400);
        var wallet = await HttpAssert.ProblemAsync(await CheckInAsync(provider, point, new { checkInId = Guid.NewGuid(), card = elder.Card, payment = "EWallet" }), 400);
        Assert.True(wallet.GetProperty("errors").TryGetProperty("paymentReference", out _));
        await HttpAssert.ProblemAsync(await CheckInAsync(provider, point, new { checkInId = Guid.NewGuid(), card = elder.Card, payment = "Gold" }), 400);

        // An elder the point does not serve: a point for a neighbouring village.
        var code = "4502261043" + Random.Shared.Next(10, 99);
        await admin.PostAsJsonAsync("/api/v1/directory/regions", new { code, name = "邻村" + code[^2..], kind = "Rural" });
        var neighbour = await PointAsync(provider, code);
        var outside = await HttpAssert.ProblemAsync(await CheckInAsync(provider, neighbour, new { checkInId = Guid.NewGuid(), card = elder.Card }), 409);
        Assert.Contains(elder.Name, outside.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Outside opening hours: a session that starts hours from now (Beijing time).
        var now = ChinaTime.TimeOfDay(app.Clock.GetUtcNow().UtcDateTime);
        var session = now.Hour < 12 ? (new TimeOnly(20, 0), new TimeOnly(21, 0)) : (new TimeOnly(6, 0), new TimeOnly(7, 0));
        var closed = await PointAsync(provider, session: session);
        var shut = await HttpAssert.ProblemAsync(await CheckInAsync(provider, closed, new { checkInId = Guid.NewGuid(), card = elder.Card }), 409);
        Assert.Contains(session.Item1.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), shut.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Someone who does not work a counter, and a point that does not exist.
        using var evaluator = await app.ClientAsync("evaluator");
        await HttpAssert.ProblemAsync(await CheckInAsync(evaluator, point, new { checkInId = Guid.NewGuid(), card = elder.Card }), 403);
        await HttpAssert.ProblemAsync(await CheckInAsync(provider, Guid.NewGuid(), new { checkInId = Guid.NewGuid(), card = elder.Card }), 404);

        Assert.Equal(before, await app.WithDbAsync(d => d.Set<MealCheckIn>().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ServicePoints_AreValidated_AndTheDrumTowerHasTodaysMenu(string db)
    {
        var app = await apps.GetAsync(db);
        using var volunteer = await app.ClientAsync("volunteer");
        var points = await HttpAssert.JsonAsync(await volunteer.GetAsync("/api/v1/services/canteens"));
        var drumTower = points.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "鼓楼食堂");
        Assert.Equal(2, drumTower.GetProperty("sessions").GetArrayLength());
        var menu = await HttpAssert.JsonAsync(await volunteer.GetAsync($"/api/v1/services/canteens/{drumTower.GetProperty("id").GetGuid()}/menu"));
        Assert.Contains(menu.GetProperty("dishes").EnumerateArray(), d => d.GetProperty("soft").GetBoolean() && d.GetProperty("lowSalt").GetBoolean());

        using var provider = await app.ClientAsync("provider");
        object Point(string name, string region, string opens, string closes, int seats) =>
            new { name, regionCode = region, seatsPerSession = seats, sessions = new[] { new { name = "午餐", opens, closes } } };
        var bad = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/services/canteens", Point("倒序", ResidentsApiTests.GVillage, "13:00", "11:00", 40)), 400);
        Assert.True(bad.GetProperty("errors").TryGetProperty("sessions", out _));
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/services/canteens", Point("", ResidentsApiTests.GVillage, "11:00", "13:00", 40)), 400);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/services/canteens", Point("无座", ResidentsApiTests.GVillage, "11:00", "13:00", 0)), 400);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/services/canteens", Point("外省", "110101001001", "11:00", "13:00", 40)), 400);
        await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync("/api/v1/services/canteens", Point("志愿者建的", ResidentsApiTests.GVillage, "11:00", "13:00", 40)), 403);

        var point = await PointAsync(provider);
        var day = ChinaTime.Day(app.Clock.GetUtcNow().UtcDateTime).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await HttpAssert.JsonAsync(await provider.PutAsJsonAsync($"/api/v1/services/canteens/{point}/menu/{day}", new { dishes = new[] { new { name = "肉末蒸蛋", soft = true, lowSalt = true } } }));
        await HttpAssert.ProblemAsync(await provider.PutAsJsonAsync($"/api/v1/services/canteens/{point}/menu/{day}", new { dishes = Array.Empty<object>() }), 400);
        var saved = await HttpAssert.JsonAsync(await volunteer.GetAsync($"/api/v1/services/canteens/{point}/menu?day={day}"));
        Assert.Equal("肉末蒸蛋", Assert.Single(saved.GetProperty("dishes").EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheDemoCanteenYear_Is7928IndividualMeals_PricedByTheRules(string db)
    {
        var app = await apps.GetAsync(db);
        var (meals, free, fiveOff, twiceSubsidised, days) = await app.WithDbAsync(async d =>
        {
            var point = await d.Set<ServicePoint>().SingleAsync(p => p.Name == "鼓楼食堂");
            var year = d.Set<MealCheckIn>().Where(c => c.ServicePointId == point.Id);
            var perElderDay = await year.Where(c => c.SubsidisedDay != null).GroupBy(c => new { c.ElderId, c.SubsidisedDay }).CountAsync(g => g.Count() > 1);
            return (await year.CountAsync(), await year.CountAsync(c => c.PaidFen == 0 && c.SubsidyFen == 1000), await year.CountAsync(c => c.SubsidyFen == 500),
                perElderDay, await year.Select(c => c.Day).Distinct().CountAsync());
        });
        Assert.Equal(7928, meals);
        Assert.True(free > 0 && fiveOff > 0, $"free {free}, five off {fiveOff}");
        Assert.Equal(0, twiceSubsidised);
        Assert.True(days >= 360, $"meals on {days} days");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheDemoYear_Comes_To10328ServicePersonTimes_FromIndividualRecords(string db)
    {
        var app = await apps.GetAsync(db);
        var (meals, completed, flagged) = await app.WithDbAsync(async d =>
        {
            var point = await d.Set<ServicePoint>().SingleAsync(p => p.Name == "鼓楼食堂");
            var demo = d.Set<ServiceOrder>().Where(o => o.RequestedBy == "provider" && o.Status == OrderStatus.Completed && o.RequestedAt < o.CheckInAt);
            return (await d.Set<MealCheckIn>().CountAsync(c => c.ServicePointId == point.Id), await demo.CountAsync(), await demo.CountAsync(o => o.FraudSignalCount > 0));
        });
        Assert.Equal(10_328, meals + completed);
        Assert.InRange(flagged, 1, 100);
    }
}
