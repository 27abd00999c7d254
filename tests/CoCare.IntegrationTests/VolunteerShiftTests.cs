using System.Net.Http.Json;
using System.Text.Json;
using CoCare.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class VolunteerShiftTests(SharedApps apps)
{
    internal const string GVillage = ResidentsApiTests.GVillage;

    /// <summary>The demo project's time bank (the shifts' hours are paid from it).</summary>
    internal static Task<Guid> ProjectAsync(CoCareApp app) =>
        app.WithDbAsync(d => d.Set<TimeAccount>().Where(a => a.Kind == AccountKind.ProjectBank).Select(a => a.OwnerId).FirstAsync());

    /// <summary>A new volunteer in G village registered by a coordinator.</summary>
    internal static async Task<JsonElement> VolunteerAsync(HttpClient coordinator, string name, params string[] skills) =>
        await HttpAssert.JsonAsync(await coordinator.PostAsJsonAsync("/api/v1/volunteers", new
        {
            name,
            regionCode = GVillage,
            skills,
            availability = new[] { "Tuesday", "Friday" },
            showOnHonourBoard = true,
        }), 201);

    internal static async Task<JsonElement> ShiftAsync(CoCareApp app, HttpClient coordinator, DateTime startsAt, int capacity, double hours = 2, params string[] skills) =>
        await HttpAssert.JsonAsync(await coordinator.PostAsJsonAsync("/api/v1/volunteers/shifts", new
        {
            projectId = await ProjectAsync(app),
            regionCode = GVillage,
            title = "鼓楼食堂帮厨 " + Guid.NewGuid().ToString("N")[..6],
            place = "G村鼓楼食堂",
            startsAt,
            endsAt = startsAt.AddHours(hours),
            skills,
            capacity,
        }), 201);

    internal static Task<HttpResponseMessage> SignUpAsync(HttpClient client, JsonElement shift, Guid? volunteerId = null) =>
        client.PostAsJsonAsync($"/api/v1/volunteers/shifts/{shift.GetProperty("id").GetGuid()}/signups", new { volunteerId });

    private static Task<HttpResponseMessage> Act(HttpClient client, JsonElement signup, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/volunteers/signups/{signup.GetProperty("id").GetGuid()}/{action}", body ?? new { });

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AShift_FillsItsPlaces_ThenTheWaitlist_AndConfirmedHoursBecomeCredits(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        using var volunteer = await app.ClientAsync("volunteer");
        var me = await HttpAssert.JsonAsync(await volunteer.GetAsync("/api/v1/volunteers/me"));
        var before = me.GetProperty("balance").GetDecimal();
        var other = await VolunteerAsync(provider, "覃测试甲", "MealDelivery");
        var third = await VolunteerAsync(provider, "覃测试乙", "MealDelivery");
        var shift = await ShiftAsync(app, provider, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(10), capacity: 2);

        var mine = await HttpAssert.JsonAsync(await SignUpAsync(volunteer, shift), 201);
        Assert.Equal("Booked", mine.GetProperty("status").GetString());
        var again = await HttpAssert.JsonAsync(await SignUpAsync(volunteer, shift), 200);
        Assert.Equal(mine.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        var second = await HttpAssert.JsonAsync(await SignUpAsync(provider, shift, other.GetProperty("id").GetGuid()), 201);
        Assert.Equal("Booked", second.GetProperty("status").GetString());
        var waiting = await HttpAssert.JsonAsync(await SignUpAsync(provider, shift, third.GetProperty("id").GetGuid()), 201);
        Assert.Equal(("Waitlisted", 1), (waiting.GetProperty("status").GetString(), waiting.GetProperty("waitlistPosition").GetInt32()));

        // The second volunteer drops out: the first on the waitlist takes the place.
        await HttpAssert.JsonAsync(await Act(provider, second, "cancel"));
        var detail = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/volunteers/shifts/{shift.GetProperty("id").GetGuid()}"));
        var promoted = detail.GetProperty("signups").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == waiting.GetProperty("id").GetGuid());
        Assert.Equal("Booked", promoted.GetProperty("status").GetString());
        Assert.Equal((2, 0), (detail.GetProperty("shift").GetProperty("booked").GetInt32(), detail.GetProperty("shift").GetProperty("waitlisted").GetInt32()));

        // Check-out before check-in, confirming before attendance, checking in twice: all refused, nothing minted.
        await HttpAssert.ProblemAsync(await Act(volunteer, mine, "check-out"), 409);
        var unconfirmed = await HttpAssert.ProblemAsync(await Act(provider, mine, "confirm", new { minutes = 60 }), 409);
        Assert.Contains("签到", unconfirmed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await HttpAssert.JsonAsync(await Act(volunteer, mine, "check-in"));
        await HttpAssert.ProblemAsync(await Act(volunteer, mine, "check-in"), 409);
        await HttpAssert.JsonAsync(await Act(volunteer, mine, "check-out"));
        await HttpAssert.ProblemAsync(await Act(volunteer, mine, "confirm", new { minutes = 90 }), 403);
        await HttpAssert.ProblemAsync(await Act(provider, mine, "confirm", new { minutes = 500 }), 400);
        Assert.Equal(before, (await HttpAssert.JsonAsync(await volunteer.GetAsync("/api/v1/volunteers/me"))).GetProperty("balance").GetDecimal());

        await HttpAssert.ProblemAsync(await Act(provider, mine, "confirm", new { minutes = 90, mealsDelivered = 301 }), 400);
        Assert.Equal(before, (await HttpAssert.JsonAsync(await volunteer.GetAsync("/api/v1/volunteers/me"))).GetProperty("balance").GetDecimal());

        var confirmed = await HttpAssert.JsonAsync(await Act(provider, mine, "confirm", new { minutes = 90, mealsDelivered = 7 }));
        Assert.Equal((90, 7), (confirmed.GetProperty("confirmedMinutes").GetInt32(), confirmed.GetProperty("mealsDelivered").GetInt32()));
        await HttpAssert.ProblemAsync(await Act(provider, mine, "confirm", new { minutes = 90 }), 409);
        me = await HttpAssert.JsonAsync(await volunteer.GetAsync("/api/v1/volunteers/me"));
        Assert.Equal(before + 1.5m, me.GetProperty("balance").GetDecimal());

        var statement = await HttpAssert.JsonAsync(await volunteer.GetAsync($"/api/v1/timebank/accounts/{me.GetProperty("timeAccountId").GetGuid()}/statement"));
        var line = statement.GetProperty("lines").GetProperty("items")[0];
        Assert.Equal(("Mint", 1.5m), (line.GetProperty("kind").GetString(), line.GetProperty("hours").GetDecimal()));
        Assert.True((await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/timebank/verify"))).GetProperty("holds").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FiftyConcurrentSignUps_ForTenPlaces_BookExactlyTen_AndWaitlistTheRestInOrder(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var volunteers = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            volunteers.Add((await VolunteerAsync(provider, $"并发{i:00}")).GetProperty("id").GetGuid());
        }

        var shift = await ShiftAsync(app, provider, app.Clock.GetUtcNow().UtcDateTime.AddDays(20), capacity: 10);
        var responses = await Task.WhenAll(volunteers.Select(v => SignUpAsync(provider, shift, v)));
        var signups = await Task.WhenAll(responses.Select(r => HttpAssert.JsonAsync(r, 201)));

        Assert.Equal(10, signups.Count(s => s.GetProperty("status").GetString() == "Booked"));
        Assert.Equal(40, signups.Count(s => s.GetProperty("status").GetString() == "Waitlisted"));
        var shiftId = shift.GetProperty("id").GetGuid();
        var places = await app.WithDbAsync(d => d.Set<Signup>().Where(s => s.ShiftId == shiftId && s.Place != null).Select(s => s.Place!.Value).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 10), places.Order());

        var detail = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/volunteers/shifts/{shiftId}"));
        var queue = detail.GetProperty("signups").EnumerateArray().Where(s => s.GetProperty("status").GetString() == "Waitlisted")
            .Select(s => s.GetProperty("waitlistPosition").GetInt32()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 40), queue);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AVolunteer_CannotHoldOverlappingShifts_OrOneNeedingSkillsTheyLack(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var v = (await VolunteerAsync(provider, "龙测试丙", "Cooking")).GetProperty("id").GetGuid();
        var start = app.Clock.GetUtcNow().UtcDateTime.AddDays(30);
        var first = await ShiftAsync(app, provider, start, capacity: 3);
        var overlapping = await ShiftAsync(app, provider, start.AddHours(1), capacity: 3);
        var later = await ShiftAsync(app, provider, start.AddHours(2), capacity: 3);
        var haircut = await ShiftAsync(app, provider, start.AddDays(1), 3, 2, "Haircut");

        await HttpAssert.JsonAsync(await SignUpAsync(provider, first, v), 201);
        var clash = await HttpAssert.ProblemAsync(await SignUpAsync(provider, overlapping, v), 409);
        Assert.Contains(first.GetProperty("title").GetString()!, clash.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await HttpAssert.JsonAsync(await SignUpAsync(provider, later, v), 201);
        var skills = await HttpAssert.ProblemAsync(await SignUpAsync(provider, haircut, v), 400);
        Assert.Contains("技能", skills.GetProperty("errors").GetProperty("volunteerId")[0].GetString(), StringComparison.Ordinal);

        // Bad shifts: ends before it starts, no places.
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/volunteers/shifts", new
        {
            projectId = await ProjectAsync(app),
            regionCode = GVillage,
            title = "x",
            startsAt = start,
            endsAt = start.AddHours(-1),
            capacity = 2,
        }), 400);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/volunteers/shifts", new
        {
            projectId = await ProjectAsync(app),
            regionCode = GVillage,
            title = "x",
            startsAt = start,
            endsAt = start.AddHours(1),
            capacity = 0,
        }), 400);

        // A shift must belong to a real project that serves its region.
        var noProject = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/volunteers/shifts", new
        {
            projectId = Guid.NewGuid(),
            regionCode = GVillage,
            title = "x",
            startsAt = start,
            endsAt = start.AddHours(1),
            capacity = 2,
        }), 400);
        Assert.True(noProject.GetProperty("errors").TryGetProperty("projectId", out _));
        var elsewhere = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/volunteers/shifts", new
        {
            projectId = await ProjectAsync(app),
            regionCode = ProcurementScenario.County,
            title = "x",
            startsAt = start,
            endsAt = start.AddHours(1),
            capacity = 2,
        }), 400);
        Assert.True(elsewhere.GetProperty("errors").TryGetProperty("regionCode", out _));

        // A volunteer cannot post shifts.
        using var volunteer = await app.ClientAsync("volunteer");
        await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync("/api/v1/volunteers/shifts", new
        {
            projectId = await ProjectAsync(app),
            regionCode = GVillage,
            title = "x",
            startsAt = start,
            endsAt = start.AddHours(1),
            capacity = 2,
        }), 403);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheDemoTeam_HasAYearOfConfirmedShifts_AndTheLedgerAddsUp(string db)
    {
        var app = await apps.GetAsync(db);
        using var auditor = await app.ClientAsync("auditor");
        var check = await HttpAssert.JsonAsync(await auditor.GetAsync("/api/v1/timebank/verify"));
        Assert.True(check.GetProperty("holds").GetBoolean(), check.ToString());
        Assert.Equal(0m, check.GetProperty("postingsTotal").GetDecimal());
        Assert.True(check.GetProperty("transactions").GetInt32() > 300);

        using var village = await app.ClientAsync("village");
        var teams = await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/volunteers/teams"));
        var silver = teams.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "银发志愿服务队");
        Assert.True(silver.GetProperty("members").GetInt32() >= 16);
        var confirmed = await app.WithDbAsync(d => d.Set<Signup>().CountAsync(s => s.ConfirmedAt != null && s.CreditTransactionId != null));
        Assert.True(confirmed > 300, $"{confirmed} confirmed sign-ups");
    }
}
