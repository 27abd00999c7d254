using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoCare.Bench;

/// <summary>The real platform in-process on a fresh SQLite file (or the PostgreSQL database given) with the demo data (no network, no test doubles).</summary>
internal sealed class BenchHost(string databaseFile, string? postgres = null) : WebApplicationFactory<Program>
{
    public const string Password = "CoCare@2026bench";

    static BenchHost() => UseRepositoryRoot();

    /// <summary>The platform runs from the repository root (as `dotnet run --project src/CoCare.Web` does).</summary>
    public static void UseRepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CoCare.slnx")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COCARE_WEB", root?.FullName ?? Environment.CurrentDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", postgres is null ? "Sqlite" : "Postgres");
        builder.UseSetting("ConnectionStrings:CoCare", postgres ?? "Data Source=" + databaseFile);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Files:Root", Path.Combine(Path.GetDirectoryName(databaseFile)!, "files"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return client;
    }
}
