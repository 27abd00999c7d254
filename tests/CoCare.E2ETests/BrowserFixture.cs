using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoCare.E2ETests;

/// <summary>The real host on Kestrel (127.0.0.1, a free port) with demo data on a fresh SQLite file.</summary>
public sealed class KestrelApp : WebApplicationFactory<Program>
{
    /// <summary>Real time plus an offset the tests can move (timers keep running normally).</summary>
    public ShiftedClock Clock { get; } = new();

    public const string DemoPassword = "CoCare@2026demo";

    private readonly string database = Path.Combine(Path.GetTempPath(), "cocare-e2e-" + Guid.NewGuid().ToString("N") + ".db");

    public string BaseUrl { get; private set; } = "";

    public void Start()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:CoCare", "Data Source=" + database);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(path);
        }
    }
}

public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public void Shift(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
}

/// <summary>One server and one headless Debian Chromium for all browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public KestrelApp App { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException("End-to-end tests need Debian's Chromium at /usr/bin/chromium: run ./test.sh, which installs it (apt-get install chromium).");
        }

        App.Start();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, Locale = locale, ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page in a phone-sized window (390×844, touch) as a worker or volunteer opens it; with <paramref name="location"/> the phone reports that position.</summary>
    public async Task<IPage> NewPhonePageAsync(string locale = "zh-CN", (double Latitude, double Longitude)? location = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            Locale = locale,
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Permissions = location is null ? [] : ["geolocation"],
            Geolocation = location is { } at ? new Geolocation { Latitude = (float)at.Latitude, Longitude = (float)at.Longitude } : null,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string userName, string password = KestrelApp.DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
    }

    /// <summary>
    /// Waits until the interactive page is live: the prerendered HTML looks the same, but only the live circuit
    /// renders the layout's data-interactive marker, and only then does typing reach the component.
    /// </summary>
    public static async Task WaitForAppAsync(IPage page)
    {
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("[data-nav]", new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Fails on serious or critical accessibility violations found by axe-core.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        // COCARE_SCREENSHOTS=folder keeps a picture of every page checked, for a person to look at.
        if (Environment.GetEnvironmentVariable("COCARE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            System.IO.Directory.CreateDirectory(folder);
            var name = new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '-');
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, (name.Length == 0 ? "home" : name) + "-" + Guid.NewGuid().ToString("N")[..4] + ".png"), FullPage = true });
        }

        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}: " + string.Join("; ", serious.Select(Describe)));
    }

    private static string Describe(AxeResultItem v) =>
        $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}";
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
