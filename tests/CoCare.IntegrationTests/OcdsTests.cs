using System.Net.Http.Json;
using System.Text.Json;
using NJsonSchema;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class OcdsTests(SharedApps apps)
{
    private static async Task<JsonSchema> PackageSchemaAsync()
    {
        var folder = Path.Combine(ReferenceData.Folder!, "ocds");
        var text = await File.ReadAllTextAsync(Path.Combine(folder, "release-package-schema.json"));
        // The package schema points at the release schema by its public URL; use the copy beside it (no network here).
        text = text.Replace("https://standard.open-contracting.org/schema/1__1__5/release-schema.json", "release-schema.json", StringComparison.Ordinal);
        return await JsonSchema.FromJsonAsync(text, Path.Combine(folder, "release-package-schema.json"));
    }

    private static HashSet<string> Codes(string codelist) =>
        File.ReadLines(Path.Combine(ReferenceData.Folder!, "ocds", "codelists", codelist + ".csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();

    private static async Task<string> DemoProjectAsync(CoCareApp app)
    {
        using var client = app.CreateClient();
        var projects = await HttpAssert.JsonAsync(await (await app.ClientAsync("auditor")).GetAsync("/api/v1/procurement/projects?q=" + Uri.EscapeDataString("鼓楼食堂")));
        var id = projects.GetProperty("items")[0].GetProperty("id").GetString();
        var response = await client.GetAsync($"/api/v1/procurement/projects/{id}/ocds");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [ReferenceTheory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DemoProjectExport_ValidatesAgainstTheOcdsSchemas(string db)
    {
        var app = await apps.GetAsync(db);
        var json = await DemoProjectAsync(app);
        var errors = (await PackageSchemaAsync()).Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));

        using var package = JsonDocument.Parse(json);
        var root = package.RootElement;
        Assert.Equal("1.1", root.GetProperty("version").GetString());
        var releases = root.GetProperty("releases").EnumerateArray().ToList();
        var tags = releases.SelectMany(r => r.GetProperty("tag").EnumerateArray().Select(t => t.GetString()!)).ToList();
        Assert.Equal(["planning", "tender", "award", "contract", "implementation"], tags);
        Assert.All(releases, r => Assert.StartsWith("ocds-cocare-", r.GetProperty("ocid").GetString(), StringComparison.Ordinal));

        var contract = releases.Single(r => r.GetProperty("tag")[0].GetString() == "contract").GetProperty("contracts")[0];
        var milestoneTypes = contract.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("type").GetString()).ToList();
        Assert.Equal(2, milestoneTypes.Count(t => t == "assessment"));
        Assert.Equal(3, milestoneTypes.Count(t => t == "payment"));
        var roles = releases[^1].GetProperty("parties").EnumerateArray().SelectMany(p => p.GetProperty("roles").EnumerateArray().Select(r => r.GetString())).ToHashSet();
        Assert.Superset(new HashSet<string?> { "buyer", "procuringEntity", "tenderer", "supplier", "payer", "payee" }, roles);
        Assert.True(releases[^1].GetProperty("contracts")[0].GetProperty("implementation").TryGetProperty("transactions", out _));
    }

    [ReferenceTheory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Export_UsesUniqueIdsAndCodesFromTheCodelists(string db)
    {
        var app = await apps.GetAsync(db);
        using var package = JsonDocument.Parse(await DemoProjectAsync(app));
        var releases = package.RootElement.GetProperty("releases").EnumerateArray().ToList();
        var releaseIds = releases.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(releaseIds.Count, releaseIds.Distinct().Count());
        foreach (var release in releases)
        {
            var partyIds = release.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
            Assert.Equal(partyIds.Count, partyIds.Distinct().Count());
            Assert.Subset(Codes("releaseTag"), release.GetProperty("tag").EnumerateArray().Select(t => t.GetString()!).ToHashSet());
            Assert.Subset(Codes("partyRole"), release.GetProperty("parties").EnumerateArray().SelectMany(p => p.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)).ToHashSet());
            if (release.TryGetProperty("contracts", out var contracts))
            {
                foreach (var contract in contracts.EnumerateArray())
                {
                    Assert.Contains(contract.GetProperty("status").GetString()!, Codes("contractStatus"));
                    if (contract.TryGetProperty("milestones", out var milestones))
                    {
                        var ids = milestones.EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
                        Assert.Equal(ids.Count, ids.Distinct().Count());
                        Assert.Subset(Codes("milestoneType"), milestones.EnumerateArray().Select(m => m.GetProperty("type").GetString()!).ToHashSet());
                        Assert.Subset(Codes("milestoneStatus"), milestones.EnumerateArray().Select(m => m.GetProperty("status").GetString()!).ToHashSet());
                    }
                }
            }

            if (release.TryGetProperty("tender", out var tender) && tender.TryGetProperty("status", out var status))
            {
                Assert.Contains(status.GetString()!, Codes("tenderStatus"));
            }
        }
    }

    [ReferenceTheory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReleasesChangedSince_AreOnePackage_AndDraftsAreNeverPublished(string db)
    {
        var app = await apps.GetAsync(db);
        using var purchaser = await app.ClientAsync("purchaser");
        var draft = ProcurementScenario.Id(await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync("/api/v1/procurement/projects",
            ProcurementScenario.Project(await ProcurementScenario.BureauAsync(app), ProcurementScenario.Today(app).AddDays(30))), 201));

        using var anonymous = app.CreateClient();
        await HttpAssert.ProblemAsync(await anonymous.GetAsync($"/api/v1/procurement/projects/{draft}/ocds"), 404);
        var json = await (await anonymous.GetAsync("/api/v1/ocds/releases?since=2024-01-01")).Content.ReadAsStringAsync();
        var errors = (await PackageSchemaAsync()).Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        Assert.DoesNotContain(draft.ToString(), json, StringComparison.Ordinal);
        using var package = JsonDocument.Parse(json);
        var ids = package.RootElement.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(ids, id => id!.EndsWith("-contract", StringComparison.Ordinal));
    }
}
