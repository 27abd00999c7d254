using System.Net.Http.Json;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class RoutePlanTests(SharedApps apps)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ACoordinator_PlansADaysMealDeliveries_AnImpossibleWindowIsReported_AndAcceptingAssignsTheOrders_ToThoseAllowedToDoThem(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var (point, elders, workers) = await app.WithDbAsync(async d => (
            await d.Set<ServicePoint>().Where(p => p.Name == "鼓楼食堂").Select(p => p.Id).SingleAsync(),
            await d.Set<Elder>().Where(e => e.Latitude != null).OrderBy(e => e.Name).Skip(40).Take(8).Select(e => e.Id).ToListAsync(),
            await d.Users.Where(u => u.UserName == "volunteer" || u.UserName == "provider").OrderBy(u => u.UserName == "provider").Select(u => u.Id).ToListAsync()));
        var (volunteerId, staffId) = (workers[0], workers[1]);
        var day = ChinaTime.Day(app.Clock.GetUtcNow().UtcDateTime).AddDays(5);
        var ids = new List<Guid>();
        foreach (var (elder, i) in elders.Take(7).Select((e, i) => (e, i)))
        {
            // Six lunches around 11:30–12:30; the seventh booked for 03:00, long before the shift starts.
            var when = ChinaTime.Utc(day, i < 6 ? new TimeOnly(11, 30).AddMinutes(i * 10) : new TimeOnly(3, 0));
            var order = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/services/orders", new { elderId = elder, serviceTypeCode = "Meals", source = "Phone", scheduledFor = when }), 201);
            ids.Add(order.GetProperty("id").GetGuid());
        }

        // A bath after lunch: staff only, so it may go to the provider's worker and never to the volunteer.
        var bath = (await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/services/orders",
            new { elderId = elders[7], serviceTypeCode = "Bathing", source = "Phone", scheduledFor = ChinaTime.Utc(day, new TimeOnly(12, 40)) }), 201)).GetProperty("id").GetGuid();

        var plan = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/services/routes/plan", new
        {
            servicePointId = point,
            day,
            workerIds = workers,
            shiftStart = "10:30",
            shiftEnd = "14:00",
            capacityMeals = 4,
            seconds = 2,
        }));
        var routes = plan.GetProperty("routes").EnumerateArray().ToList();
        var planned = routes.SelectMany(r => r.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("orderId").GetGuid())).ToList();
        Assert.Equal(ids.Take(6).Append(bath).Order(), planned.Order());
        var bathRoute = Assert.Single(routes, r => r.GetProperty("stops").EnumerateArray().Any(s => s.GetProperty("orderId").GetGuid() == bath));
        Assert.Equal(staffId, bathRoute.GetProperty("workerId").GetString());
        Assert.All(routes, r => Assert.InRange(r.GetProperty("stops").EnumerateArray().Count(s => s.GetProperty("serviceTypeCode").GetString() == "Meals"), 0, 4));
        Assert.All(routes, r => Assert.True(r.GetProperty("meters").GetDouble() > 0));
        var unplanned = Assert.Single(plan.GetProperty("unplanned").EnumerateArray());
        Assert.Equal(ids[6], unplanned.GetProperty("orderId").GetGuid());
        Assert.Contains("赶不到", unplanned.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // Handing the bath to the volunteer is refused and assigns nothing.
        var wrong = new[] { new { workerId = volunteerId, orderIds = new List<Guid> { bath } } };
        var refused = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/services/routes/accept", new { routes = wrong }), 400);
        Assert.Contains("助浴", refused.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Requested, await app.WithDbAsync(d => d.Set<ServiceOrder>().Where(o => o.Id == bath).Select(o => o.Status).SingleAsync()));

        var accept = routes.Select(r => new { workerId = r.GetProperty("workerId").GetString(), orderIds = r.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("orderId").GetGuid()).ToList() });
        var accepted = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/services/routes/accept", new { routes = accept }));
        Assert.Equal(7, accepted.GetProperty("assigned").GetInt32());
        var assigned = await app.WithDbAsync(d => d.Set<ServiceOrder>().Where(o => (ids.Contains(o.Id) || o.Id == bath) && o.Status == OrderStatus.Assigned).CountAsync());
        Assert.Equal(7, assigned);

        // With only the volunteer on shift the bath is left unplanned, with the reason.
        var alone = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/services/routes/plan", new
        {
            servicePointId = point,
            day,
            workerIds = new[] { volunteerId },
            shiftStart = "10:30",
            shiftEnd = "14:00",
            capacityMeals = 10,
            seconds = 1,
        }));
        var noOne = Assert.Single(alone.GetProperty("unplanned").EnumerateArray(), u => u.GetProperty("orderId").GetGuid() == bath);
        Assert.Contains("当班人员中没有", noOne.GetProperty("reason").GetString(), StringComparison.Ordinal);

        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/services/routes/plan", new
        {
            servicePointId = point,
            day,
            workerIds = Array.Empty<string>(),
            shiftStart = "10:30",
            shiftEnd = "14:00",
            capacityMeals = 4,
        }), 400);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/services/routes/plan", new
        {
            servicePointId = point,
            day,
            workerIds = workers,
            shiftStart = "14:00",
            shiftEnd = "10:30",
            capacityMeals = 4,
        }), 400);
        using var volunteer = await app.ClientAsync("volunteer");
        await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync("/api/v1/services/routes/plan", new
        {
            servicePointId = point,
            day,
            workerIds = workers,
            shiftStart = "10:30",
            shiftEnd = "14:00",
            capacityMeals = 4,
        }), 403);
    }
}
