using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class HealthConsentTests(SharedApps apps)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WithdrawingHealthConsent_HidesAssessmentsFromEveryoneButTheDataProtectionOfficer(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var birth = new DateOnly(1944, 4, 4);
        var elder = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/elders",
            ResidentsApiTests.Elder(ResidentsApiTests.NewIdNumber(birth, female: false), birth, "Male")), 201);
        var id = elder.GetProperty("id").GetGuid();
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/residents/elders/{id}/assessments",
            new { date = ProcurementScenario.Today(app), assessorA = "甲评估员", assessorB = "乙评估员", scores = ResidentsApiTests.FullMarks() }), 201);
        Assert.Equal("Intact", (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders/{id}"))).GetProperty("currentLevel").GetString());

        var withdrawn = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/residents/elders/{id}/consents", new { scope = "HealthData", given = false, givenBy = "儿子（代理人）" }));
        Assert.True(withdrawn.GetProperty("healthDataHidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("currentLevel").ValueKind);

        foreach (var user in new[] { "provider", "village", "association", "admin" })
        {
            using var client = await app.ClientAsync(user);
            var summary = await HttpAssert.JsonAsync(await client.GetAsync($"/api/v1/residents/elders/{id}"));
            Assert.Equal(JsonValueKind.Null, summary.GetProperty("currentLevel").ValueKind);
            await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/residents/elders/{id}/assessments"), 403);
        }

        using var privacy = await app.ClientAsync("privacy");
        Assert.Equal("Intact", (await HttpAssert.JsonAsync(await privacy.GetAsync($"/api/v1/residents/elders/{id}"))).GetProperty("currentLevel").GetString());
        Assert.Equal(1, (await HttpAssert.JsonAsync(await privacy.GetAsync($"/api/v1/residents/elders/{id}/assessments"))).GetArrayLength());

        // Nor may new health data be recorded, and the level filter does not reveal it.
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/residents/elders/{id}/assessments",
            new { date = ProcurementScenario.Today(app), assessorA = "甲评估员", assessorB = "乙评估员", scores = ResidentsApiTests.FullMarks() }), 409);
        var byLevel = await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/residents/elders?pageSize=100&level=Intact&q=" + Uri.EscapeDataString(elder.GetProperty("name").GetString()!)));
        Assert.Equal(0, byLevel.GetProperty("total").GetInt32());

        // Consent given again: visible again.
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/residents/elders/{id}/consents", new { scope = "HealthData", given = true }));
        Assert.Equal("Intact", (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders/{id}"))).GetProperty("currentLevel").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FamilyContacts_AreEncrypted_MaskedInTheSummary_AndWholeOnlyInTheAuditedRecord(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var birth = new DateOnly(1946, 6, 6);
        var body = JsonSerializer.SerializeToNode(ResidentsApiTests.Elder(ResidentsApiTests.NewIdNumber(birth, female: true), birth, "Female"), CoCareApp.Json)!.AsObject();
        body["familyContacts"] = JsonSerializer.SerializeToNode(new[] { new { name = "杨大哥", relation = "儿子", phone = "13977776666" } });
        var elder = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/elders", body), 201);
        var id = elder.GetProperty("id").GetGuid();

        var contact = elder.GetProperty("familyContacts")[0];
        Assert.Equal(("杨大哥", "儿子", "139****6666"), (contact.GetProperty("name").GetString(), contact.GetProperty("relation").GetString(), contact.GetProperty("phone").GetString()));
        var stored = await app.WithDbAsync(d => d.Set<CoCare.Residents.Domain.Elder>().Where(e => e.Id == id).Select(e => e.FamilyContactsCipher).SingleAsync());
        Assert.DoesNotContain("13977776666", stored!, StringComparison.Ordinal);
        var record = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders/{id}/record"));
        Assert.Equal("13977776666", record.GetProperty("familyContacts")[0].GetProperty("phone").GetString());

        body["familyContacts"] = JsonSerializer.SerializeToNode(new[] { new { name = "杨大哥", relation = "儿子", phone = "不是电话" } });
        body["idNumber"] = ResidentsApiTests.NewIdNumber(birth, female: true);
        var problem = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/residents/elders", body), 400);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("familyContacts", StringComparison.OrdinalIgnoreCase));
    }
}
