using System.Net;
using System.Text;
using System.Text.Json;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class OpenApiTests(SharedApps apps)
{
    /// <summary>The only operations anyone may call without signing in.</summary>
    private static readonly HashSet<string> PublicOperations = ["Login", "GetProjectOcds", "ListOcdsReleases", "HonourBoard", "SubmitPublicFeedback", "TrackFeedback", "ReopenFeedback", "RateFeedbackHandling", "FeedbackStats", "PublicKpis"];

    /// <summary>Operations devices call without signing in, proving who they are with a signed request instead (401 without it, from the handler).</summary>
    private static readonly HashSet<string> DeviceSignedOperations = ["PostDeviceEvents"];

    private static async Task<List<(string Method, string Path, JsonElement Operation)>> OperationsAsync(CoCareApp app)
    {
        using var client = app.CreateClient();
        var document = await HttpAssert.JsonAsync(await client.GetAsync("/openapi/v1.json"));
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(m => (m.Name.ToUpperInvariant(), path.Name, m.Value)))
            .ToList();
    }

    [Fact]
    public async Task EveryOperation_HasAnIdASummaryAndATag()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        var operations = await OperationsAsync(app);
        Assert.True(operations.Count >= 25, $"only {operations.Count} operations described");
        Assert.All(operations, op =>
        {
            Assert.True(op.Operation.TryGetProperty("operationId", out var id) && id.GetString()!.Length > 0, $"{op.Method} {op.Path} has no operationId");
            Assert.True(op.Operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 0, $"{op.Method} {op.Path} has no summary");
            Assert.True(op.Operation.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0, $"{op.Method} {op.Path} has no tag");
        });
        Assert.Equal(operations.Count, operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task EveryOperationButThePublicOnes_RequiresSignIn()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        using var client = app.CreateClient();
        foreach (var (method, path, operation) in await OperationsAsync(app))
        {
            var url = path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{membershipId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{code}", "450000000000", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);
            var id = operation.GetProperty("operationId").GetString()!;
            if (DeviceSignedOperations.Contains(id))
            {
                var problem = await HttpAssert.ProblemAsync(response, 401);
                Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), $"{method} {path} explains the missing signature");
            }
            else if (PublicOperations.Contains(id))
            {
                Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{id} ({method} {url}) answered {(int)response.StatusCode} without a token");
            }
        }
    }

    [Fact]
    public async Task BrowsableApiPage_IsServed()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api-docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
