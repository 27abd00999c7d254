using System.Net.Http.Json;
using System.Text.Json;

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
}
