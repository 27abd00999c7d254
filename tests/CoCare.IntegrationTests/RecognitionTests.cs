using System.Net.Http.Json;
using CoCare.Kernel;
using CoCare.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class RecognitionTests(SharedApps apps)
{
    private const string GVillage = ResidentsApiTests.GVillage;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheHonourBoard_IsPublic_ShowsOnlyVolunteersWhoAgreed_RankedByConfirmedHours(string db)
    {
        var app = await apps.GetAsync(db);
        using var anonymous = app.CreateClient();
        var board = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/v1/volunteers/honour-board?region={GVillage}"));
        var rows = board.GetProperty("rows").EnumerateArray().ToList();

        // Expected from the records: confirmed minutes of the last twelve months (Beijing days), consenting volunteers only.
        var today = ChinaTime.Day(app.Clock.GetUtcNow().UtcDateTime);
        var from = ChinaTime.Utc(today.AddMonths(-12).AddDays(1), TimeOnly.MinValue);
        var to = ChinaTime.Utc(today.AddDays(1), TimeOnly.MinValue);
        var volunteers = await app.WithDbAsync(d => d.Set<Volunteer>().Where(v => v.RegionCode == GVillage).ToListAsync());
        var minutes = await app.WithDbAsync(d => d.Set<Signup>().Where(s => s.ConfirmedMinutes != null && s.StartsAt >= from && s.StartsAt < to)
            .GroupBy(s => s.VolunteerId).Select(g => new { g.Key, Minutes = g.Sum(s => s.ConfirmedMinutes ?? 0), Meals = g.Sum(s => s.MealsDelivered ?? 0) }).ToListAsync());
        var expected = volunteers.Where(v => v.ShowOnHonourBoard).Join(minutes, v => v.Id, m => m.Key, (v, m) => (v.Name, Math.Round(m.Minutes / 60m, 1), m.Meals))
            .Order().ToList();
        var hidden = volunteers.Where(v => !v.ShowOnHonourBoard).Select(v => v.Name).ToList();
        Assert.NotEmpty(hidden);

        Assert.Equal(expected, rows.Select(r => (r.GetProperty("name").GetString()!, r.GetProperty("hours").GetDecimal(), r.GetProperty("meals").GetInt32())).Order().ToList());
        Assert.DoesNotContain(rows, r => hidden.Contains(r.GetProperty("name").GetString()!));
        var hours = rows.Select(r => r.GetProperty("hours").GetDecimal()).ToList();
        Assert.Equal(hours.OrderDescending(), hours);
        Assert.Equal(Enumerable.Range(1, rows.Count), rows.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Contains(rows, r => r.GetProperty("meals").GetInt32() > 0 && r.GetProperty("monthsActive").GetInt32() >= 6);
        Assert.Contains(rows, r => r.GetProperty("teams").EnumerateArray().Any(t => t.GetString() == "银发志愿服务队"));

        // A year with no service has an empty board; bad years and unknown villages are refused.
        var empty = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/v1/volunteers/honour-board?region={GVillage}&year=2001"));
        Assert.Equal(0, empty.GetProperty("rows").GetArrayLength());
        var year = await HttpAssert.ProblemAsync(await anonymous.GetAsync($"/api/v1/volunteers/honour-board?region={GVillage}&year=1999"), 400);
        Assert.True(year.GetProperty("errors").TryGetProperty("year", out _));
        await HttpAssert.ProblemAsync(await anonymous.GetAsync("/api/v1/volunteers/honour-board?region=999999999999"), 400);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ACertificate_IsForTheVolunteer_AndTheVillagesCoordinators(string db)
    {
        var app = await apps.GetAsync(db);
        using var volunteer = await app.ClientAsync("volunteer");
        var me = await HttpAssert.JsonAsync(await volunteer.GetAsync("/api/v1/volunteers/me"));
        var id = me.GetProperty("id").GetGuid();
        var certificate = await HttpAssert.JsonAsync(await volunteer.GetAsync($"/api/v1/volunteers/{id}/certificate"));
        Assert.Equal(me.GetProperty("name").GetString(), certificate.GetProperty("name").GetString());
        Assert.True(certificate.GetProperty("hours").GetDecimal() > 50m);
        Assert.True(certificate.GetProperty("shifts").GetInt32() > 20);

        // Another villager's certificate is not the volunteer's to print; the provider (a coordinator of the village) may.
        var other = await app.WithDbAsync(d => d.Set<Volunteer>().Where(v => v.RegionCode == GVillage && v.Id != id && !v.ShowOnHonourBoard).Select(v => v.Id).FirstAsync());
        await HttpAssert.ProblemAsync(await volunteer.GetAsync($"/api/v1/volunteers/{other}/certificate"), 403);
        using var provider = await app.ClientAsync("provider");
        var theirs = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/volunteers/{other}/certificate"));
        Assert.True(theirs.GetProperty("hours").GetDecimal() > 0m, "a certificate does not depend on honour-board consent");
        await HttpAssert.ProblemAsync(await provider.GetAsync($"/api/v1/volunteers/{Guid.NewGuid()}/certificate"), 404);
        using var anonymous = app.CreateClient();
        await HttpAssert.ProblemAsync(await anonymous.GetAsync($"/api/v1/volunteers/{id}/certificate"), 401);
    }
}
