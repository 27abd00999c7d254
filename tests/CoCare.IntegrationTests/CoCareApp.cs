using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoCare.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CoCare.IntegrationTests;

/// <summary>
/// The real host (Program) on a database of its own: a fresh SQLite file, or a fresh PostgreSQL database
/// on the server named by COCARE_TEST_POSTGRES. Demo data is loaded, so the demo accounts can sign in.
/// </summary>
public sealed class CoCareApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "CoCare@2026demo";

    private readonly string connectionString;

    public CoCareApp(string provider, IDictionary<string, string?>? settings = null)
    {
        Provider = provider;
        Settings = settings ?? new Dictionary<string, string?>();
        connectionString = provider == Databases.Postgres
            ? new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = "cocare_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString
            : $"Data Source={Path.Combine(Path.GetTempPath(), "cocare-tests", Guid.NewGuid().ToString("N") + ".db")}";
    }

    public string Provider { get; }

    public IDictionary<string, string?> Settings { get; }

    /// <summary>The host's clock; tests move it to expire tokens and lockouts.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:CoCare", connectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>();
        });
    }

    /// <summary>Runs <paramref name="action"/> against the app's database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Runs <paramref name="action"/> with the app's services in a scope of its own (e.g. a background job's handler).</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task<string> TokenAsync(string userName, string password = DemoPassword)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A client signed in as <paramref name="userName"/> with a bearer token, asking for <paramref name="language"/>.</summary>
    public async Task<HttpClient> ClientAsync(string userName, string language = "zh-CN")
    {
        var token = await TokenAsync(userName);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>A client signed in through the sign-in page with a cookie, as a browser would be.</summary>
    public async Task<HttpClient> BrowserClientAsync(string userName, string password = DemoPassword)
    {
        var browser = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await browser.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        var signIn = await browser.PostAsync("/account/login", form);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == Databases.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Databases.PostgresServer);
            await connection.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = connectionString["Data Source=".Length..];
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}

/// <summary>The databases every integration test runs on: SQLite always, PostgreSQL when COCARE_TEST_POSTGRES is set.</summary>
public static class Databases
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string? PostgresServer => Environment.GetEnvironmentVariable("COCARE_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (PostgresServer is not null)
            {
                data.Add(Postgres);
            }

            return data;
        }
    }
}

/// <summary>One shared host per database for tests that do not disturb each other; created on first use.</summary>
public sealed class SharedApps : IAsyncLifetime
{
    private readonly Dictionary<string, CoCareApp> apps = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<CoCareApp> GetAsync(string provider)
    {
        await gate.WaitAsync();
        try
        {
            if (!apps.TryGetValue(provider, out var app))
            {
                app = new CoCareApp(provider);
                _ = app.Server; // start the host: migrate and seed now
                apps[provider] = app;
            }

            return app;
        }
        finally
        {
            gate.Release();
        }
    }

    public Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cocare-tests"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var app in apps.Values)
        {
            await app.DisposeAsync();
        }

        gate.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiTests : ICollectionFixture<SharedApps>
{
    public const string Name = "api";
}

public static class HttpAssert
{
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.True(problem.TryGetProperty("traceId", out _), "problem details carry a traceId");
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return problem;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, int status = 200)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>
/// The test server has no client address; a test that needs one (e.g. per-address rate limits) sends it in the
/// <c>X-Test-Client-Address</c> header, which only the test host reads.
/// </summary>
internal sealed class ClientAddressFromHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(following => context =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && System.Net.IPAddress.TryParse(value.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return following(context);
        });
        next(app);
    };
}
