using System.Net.Http.Json;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class VisitPlanTests(SharedApps apps)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AWeeksPlan_ShowsWhoGoesWhere_AndEachWorkersCountAgainstIt(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var today = ProcurementScenario.Today(app);
        var monday = CoCare.Residents.Domain.VisitPlanEntry.WeekOf(today);
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var (worker, cadre) = ("杨社工" + suffix, "吴委员" + suffix);
        var page = await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/residents/elders?pageSize=3&sort=birthDate&desc=true"));
        var elders = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToArray();

        var plan = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/visit-plans", new { weekStart = monday, elderIds = elders, visitors = new[] { worker, cadre } }));
        Assert.Equal(monday, DateOnly.Parse(plan.GetProperty("weekStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var mine = plan.GetProperty("households").EnumerateArray().Where(h => h.GetProperty("visitors").EnumerateArray().Any(v => v.GetString() == worker)).ToList();
        Assert.Equal(3, mine.Count);
        Assert.All(mine, h => Assert.False(h.GetProperty("visited").GetBoolean()));

        // The social worker visits the first household this week, without the cadre.
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/visits", new
        {
            date = monday <= today ? today : monday,
            durationMinutes = 40,
            participants = new[] { new { name = worker, role = "社工" } },
            elderIds = new[] { elders[0] },
            observations = "按计划走访",
        }), 201);

        var week = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/visit-plans?week={today:yyyy-MM-dd}"));
        var households = week.GetProperty("households").EnumerateArray().Where(h => elders.Contains(h.GetProperty("elderId").GetGuid())).ToList();
        Assert.True(households.Single(h => h.GetProperty("elderId").GetGuid() == elders[0]).GetProperty("visited").GetBoolean());
        var workers = week.GetProperty("workers").EnumerateArray().ToDictionary(w => w.GetProperty("visitor").GetString()!);
        Assert.Equal((3, 1, 1), (workers[worker].GetProperty("planned").GetInt32(), workers[worker].GetProperty("plannedVisited").GetInt32(), workers[worker].GetProperty("visitsRecorded").GetInt32()));
        Assert.Equal((3, 0, 0), (workers[cadre].GetProperty("planned").GetInt32(), workers[cadre].GetProperty("plannedVisited").GetInt32(), workers[cadre].GetProperty("visitsRecorded").GetInt32()));

        // Planning a household again changes who goes; taking it off the plan removes it.
        var replanned = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/visit-plans", new { weekStart = monday, elderIds = new[] { elders[2] }, visitors = new[] { cadre } }));
        var third = replanned.GetProperty("households").EnumerateArray().Single(h => h.GetProperty("elderId").GetGuid() == elders[2]);
        Assert.Equal([cadre], third.GetProperty("visitors").EnumerateArray().Select(v => v.GetString()));
        var removed = await provider.DeleteAsync($"/api/v1/residents/visit-plans/{third.GetProperty("id").GetGuid()}");
        Assert.Equal(204, (int)removed.StatusCode);
        var after = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/visit-plans?week={monday:yyyy-MM-dd}"));
        Assert.DoesNotContain(after.GetProperty("households").EnumerateArray(), h => h.GetProperty("elderId").GetGuid() == elders[2]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadPlans_AreRefused(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var today = ProcurementScenario.Today(app);
        var monday = CoCare.Residents.Domain.VisitPlanEntry.WeekOf(today);
        var elder = (await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/residents/elders?pageSize=1"))).GetProperty("items")[0].GetProperty("id").GetGuid();

        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/residents/visit-plans", new { weekStart = monday.AddDays(1), elderIds = new[] { elder }, visitors = new[] { "杨社工" } }), 400);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/residents/visit-plans", new { weekStart = monday, elderIds = new[] { elder }, visitors = Array.Empty<string>() }), 400);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/residents/visit-plans", new { weekStart = monday, elderIds = Array.Empty<Guid>(), visitors = new[] { "杨社工" } }), 400);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/residents/visit-plans", new { weekStart = monday, elderIds = new[] { Guid.NewGuid() }, visitors = new[] { "杨社工" } }), 404);
        using var association = await app.ClientAsync("association");
        await HttpAssert.ProblemAsync(await association.PostAsJsonAsync("/api/v1/residents/visit-plans", new { weekStart = monday, elderIds = new[] { elder }, visitors = new[] { "杨社工" } }), 403);
    }
}
