using System.Net;
using CoCare.Data;
using CoCare.Directory.Domain;
using CoCare.Kernel;
using CoCare.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class HostTests(SharedApps apps)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Health_ReportsTheDatabase(string db)
    {
        var app = await apps.GetAsync(db);
        using var client = app.CreateClient();
        var health = await HttpAssert.JsonAsync(await client.GetAsync("/healthz"));
        Assert.Equal("Healthy", health.GetProperty("database").GetString());
    }

    [Fact]
    public async Task Health_Is503_WhenTheDatabaseCannotBeReached()
    {
        await using var app = new CoCareApp(Databases.Sqlite, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:CoCare"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=x;Timeout=2",
            ["Database:MigrateOnStartup"] = "false",
        });
        using var client = app.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Unhealthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Migrations_MatchTheModel(string db)
    {
        var app = await apps.GetAsync(db);
        Assert.False(await app.WithDbAsync(d => Task.FromResult(d.Database.HasPendingModelChanges())),
            $"The model has changes without a migration for {db}: run scripts/add-migration.sh NAME");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DemoData_BuildsTheDrumTowerScenario(string db)
    {
        var app = await apps.GetAsync(db);
        var (regions, socialWorkers, memberships) = await app.WithDbAsync(async d => (
            await d.Set<Region>().Where(r => r.Code.StartsWith("45")).OrderBy(r => r.Code).Select(r => r.Name).ToListAsync(),
            await d.Set<Person>().CountAsync(p => p.Position == "社工"),
            await d.Set<Membership>().Select(m => m.Role).Distinct().CountAsync()));
        Assert.Equal(["广西壮族自治区", "柳州市", "三江侗族自治县", "林溪镇", "G村"], regions.Take(5));
        Assert.True(socialWorkers >= 3);
        Assert.Equal(Roles.All.Count, memberships);

        // A year of home visits (3–4 households a week), the needs found, collective issues and the service list.
        var (visits, needs, issues, items, proposed, planned) = await app.WithDbAsync(async d => (
            await d.Set<CoCare.Residents.Domain.HomeVisit>().CountAsync(),
            await d.Set<CoCare.Residents.Domain.Need>().CountAsync(n => n.HomeVisitId != null),
            await d.Set<CoCare.Residents.Domain.CollectiveIssue>().CountAsync(i => i.CreatedBy == "association"),
            await d.Set<CoCare.Residents.Domain.ServiceListItem>().CountAsync(i => i.CreatedBy == "provider"),
            await d.Set<CoCare.Residents.Domain.ServiceListItem>().CountAsync(i => i.Status == CoCare.Residents.Domain.ServiceListStatus.Proposed),
            await d.Set<CoCare.Residents.Domain.VisitPlanEntry>().CountAsync()));
        Assert.InRange(visits, 156, 260);
        Assert.True(needs >= 50, $"{needs} needs found at visits");
        Assert.True(issues >= 2);
        Assert.True(items >= 3);
        Assert.True(proposed >= 1);
        Assert.True(planned >= 4);
    }

    [Fact]
    public async Task WithoutDemoData_TheDatabaseStartsEmpty_AndAdminCreateMakesTheFirstAdministrator()
    {
        await using var app = new CoCareApp(Databases.Sqlite, new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        using var client = app.CreateClient();
        Assert.Equal(0, await app.WithDbAsync(d => d.Users.CountAsync()));

        var stdin = Console.In;
        try
        {
            Console.SetIn(new StringReader("First#Admin2026\n"));
            var exit = await AdminCommand.RunAsync(["admin", "create", "--user", "root", "--region", "110000000000", "--region-name", "北京市"], app.Services);
            Assert.Equal(0, exit);
        }
        finally
        {
            Console.SetIn(stdin);
        }

        using var root = app.CreateClient();
        root.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("root", "First#Admin2026"));
        await HttpAssert.JsonAsync(await root.GetAsync("/api/v1/directory/accounts"));
    }
}
