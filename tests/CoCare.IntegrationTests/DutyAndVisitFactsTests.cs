using System.Net.Http.Json;
using CoCare.Kernel;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.IntegrationTests;

/// <summary>What the dashboards read about the village's day: who is on a shift, and home visits against the plan.</summary>
[Collection(ApiTests.Name)]
public class DutyAndVisitFactsTests(SharedApps apps)
{
    private static async Task<T> FactsAsync<TService, T>(CoCareApp app, Func<TService, Task<T>> ask)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ask(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task VolunteersOnShift_AreTheBookedOnes_OfShiftsThatOverlapTheTime_InTheRegion(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var startsAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddMinutes(30);
        var shift = await VolunteerShiftTests.ShiftAsync(app, provider, startsAt, capacity: 1);
        var booked = await VolunteerShiftTests.VolunteerAsync(provider, "覃值班甲", "MealDelivery");
        var waiting = await VolunteerShiftTests.VolunteerAsync(provider, "覃值班乙", "MealDelivery");
        var signup = await HttpAssert.JsonAsync(await VolunteerShiftTests.SignUpAsync(provider, shift, booked.GetProperty("id").GetGuid()), 201);
        await HttpAssert.JsonAsync(await VolunteerShiftTests.SignUpAsync(provider, shift, waiting.GetProperty("id").GetGuid()), 201);
        var shiftId = shift.GetProperty("id").GetGuid();

        Task<IReadOnlyList<ShiftDuty>> OnShift(string region, DateTime from, DateTime to) =>
            FactsAsync<IVolunteerFacts, IReadOnlyList<ShiftDuty>>(app, f => f.OnShiftAsync(region, from, to, default));

        var during = await OnShift(VolunteerShiftTests.GVillage, startsAt.AddHours(1), startsAt.AddHours(1.5));
        var duty = Assert.Single(during, d => d.ShiftId == shiftId);
        Assert.Equal(("覃值班甲", "G村鼓楼食堂", startsAt, startsAt.AddHours(2)), (duty.Name, duty.Place, duty.StartsAt, duty.EndsAt));
        Assert.Contains(await OnShift("450226000000", startsAt.AddHours(-1), startsAt.AddMinutes(1)), d => d.ShiftId == shiftId); // the county holds the village
        Assert.DoesNotContain(await OnShift(VolunteerShiftTests.GVillage, startsAt.AddHours(-1), startsAt), d => d.ShiftId == shiftId); // ends as it starts
        Assert.DoesNotContain(await OnShift(VolunteerShiftTests.GVillage, startsAt.AddHours(2), startsAt.AddHours(3)), d => d.ShiftId == shiftId);
        Assert.DoesNotContain(await OnShift("459021101201", startsAt, startsAt.AddHours(1)), d => d.ShiftId == shiftId);
        Assert.Empty(await OnShift("45022610420", startsAt, startsAt.AddHours(1))); // not a region code

        // The booked volunteer gives up the place: the first on the waitlist is now the one on shift.
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/volunteers/signups/{signup.GetProperty("id").GetGuid()}/cancel", new { }));
        var after = await OnShift(VolunteerShiftTests.GVillage, startsAt, startsAt.AddHours(1));
        Assert.Equal("覃值班乙", Assert.Single(after, d => d.ShiftId == shiftId).Name);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task VisitsAgainstThePlan_CountPlannedHouseholdsSeenInTheirWeek(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var today = ProcurementScenario.Today(app);
        var monday = CoCare.Residents.Domain.VisitPlanEntry.WeekOf(today).AddDays(-7 * 33); // a past week no other test plans
        var sunday = monday.AddDays(6);
        Task<VisitsAgainstPlan> Week() => FactsAsync<IVisitFacts, VisitsAgainstPlan>(app, f => f.AgainstPlanAsync(ResidentsApiTests.GVillage, monday, sunday, default));
        Task<VisitsAgainstPlan> NextWeek() => FactsAsync<IVisitFacts, VisitsAgainstPlan>(app, f => f.AgainstPlanAsync(ResidentsApiTests.GVillage, sunday.AddDays(1), sunday.AddDays(7), default));
        var before = await Week();
        var nextBefore = await NextWeek();

        var page = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders?pageSize=4&village={ResidentsApiTests.GVillage}&sort=birthDate"));
        var elders = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToArray();
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/visit-plans", new { weekStart = monday, elderIds = elders[..3], visitors = new[] { "杨社工" } }));
        var planned = await Week();
        Assert.Equal((before.Planned + 3, before.PlannedVisited, before.Visits), (planned.Planned, planned.PlannedVisited, planned.Visits));

        // One visit that week sees a planned household, another one that was not planned.
        foreach (var elder in new[] { elders[0], elders[3] })
        {
            await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/visits", new
            {
                date = monday.AddDays(1),
                durationMinutes = 30,
                participants = new[] { new { name = "杨社工", role = "社工" } },
                elderIds = new[] { elder },
                observations = "按计划走访",
            }), 201);
        }

        var done = await Week();
        Assert.Equal((before.Planned + 3, before.PlannedVisited + 1, before.Visits + 2), (done.Planned, done.PlannedVisited, done.Visits));
        Assert.Equal(nextBefore, await NextWeek()); // the next week holds neither the plan nor the visits of this one
        var none = await FactsAsync<IVisitFacts, VisitsAgainstPlan>(app, f => f.AgainstPlanAsync(ResidentsApiTests.GVillage, sunday, monday, default));
        Assert.Equal((0, 0, 0, null), (none.Planned, none.PlannedVisited, none.Visits, none.Rate)); // a backward period holds nothing
    }
}
