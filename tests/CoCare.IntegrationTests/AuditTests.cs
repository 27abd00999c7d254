using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class AuditTests(SharedApps apps)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryChange_IsLoggedWithWhoDidItAndOldAndNewValues(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var created = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/organizations", new { name = "审计测试" + Guid.NewGuid().ToString("N")[..6], type = "Enterprise", regionCode = "450226000000" }), 201);
        var id = created.GetProperty("id").GetString();
        await HttpAssert.JsonAsync(await admin.PutAsJsonAsync($"/api/v1/directory/organizations/{id}", new { name = "改名后" + id![..6], type = "University", regionCode = "450226000000", version = 0 }));

        using var auditor = await app.ClientAsync("auditor");
        var entries = await HttpAssert.JsonAsync(await auditor.GetAsync($"/api/v1/audit?entityType=Organization&entityKey={id}"));
        var actions = entries.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["Update", "Insert"], actions);
        var update = entries.GetProperty("items")[0];
        Assert.Equal("admin", update.GetProperty("userName").GetString());
        Assert.Contains("\"Type\":{\"old\":\"Enterprise\",\"new\":\"University\"}", update.GetProperty("changes").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PersonalFieldsAndSecrets_AreMaskedInTheLog(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var account = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/accounts", new { userName = "mask" + Guid.NewGuid().ToString("N")[..6], displayName = "掩码", password = "Masked#2026x" }), 201);
        var changes = await app.WithDbAsync(d => d.AuditEntries.Where(e => e.EntityType == "UserAccount" && e.EntityKey == account.GetProperty("id").GetString()).Select(e => e.Changes).FirstAsync());
        Assert.Contains("\"PasswordHash\":{\"new\":\"***\"}", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", changes, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheApplication_RefusesToEditOrDeleteAuditEntries(string db)
    {
        var app = await apps.GetAsync(db);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async d =>
        {
            var entry = await d.AuditEntries.OrderBy(e => e.Sequence).FirstAsync();
            entry.Changes = "{}";
            return await d.SaveChangesAsync();
        }));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnlyAuditorsAndAdministrators_ReadTheLog(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        await HttpAssert.ProblemAsync(await provider.GetAsync("/api/v1/audit/verify"), 403);
        await HttpAssert.ProblemAsync(await provider.GetAsync("/api/v1/audit"), 403);
        using var auditor = await app.ClientAsync("auditor");
        var verify = await HttpAssert.JsonAsync(await auditor.GetAsync("/api/v1/audit/verify"));
        Assert.True(verify.GetProperty("ok").GetBoolean());
        Assert.True(verify.GetProperty("entries").GetInt64() > 20, "the demo data alone writes dozens of entries");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EditingTheLogBehindTheApplicationsBack_IsReportedByVerify(string db)
    {
        await using var app = new CoCareApp(db);
        using var auditor = await app.ClientAsync("auditor");
        Assert.True((await HttpAssert.JsonAsync(await auditor.GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());

        // Someone with database access rewrites what entry 7 says.
        await app.WithDbAsync(d => d.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Changes\" = {0} WHERE \"Sequence\" = 7", "{\"Name\":{\"new\":\"forged\"}}"));

        var verify = await HttpAssert.JsonAsync(await auditor.GetAsync("/api/v1/audit/verify"));
        Assert.False(verify.GetProperty("ok").GetBoolean());
        Assert.Equal(7, verify.GetProperty("brokenSequence").GetInt64());
        Assert.Equal(6, verify.GetProperty("entries").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DeletingAnEntry_IsReportedByVerify(string db)
    {
        await using var app = new CoCareApp(db);
        using var auditor = await app.ClientAsync("auditor");
        await app.WithDbAsync(d => d.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE \"Sequence\" = 3"));
        var verify = await HttpAssert.JsonAsync(await auditor.GetAsync("/api/v1/audit/verify"));
        Assert.Equal((false, 3L), (verify.GetProperty("ok").GetBoolean(), verify.GetProperty("brokenSequence").GetInt64()));
    }
}
