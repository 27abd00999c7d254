using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Bench;

/// <summary>
/// <c>serve PROVIDER CONNECTION PORT FOLDER</c>: the real platform with the demo data on Kestrel at 127.0.0.1:PORT, as
/// its own process so a benchmark can kill it. Adds one thing: <c>GET /bench/trivial</c>, a small JSON answer ahead of
/// the platform's pipeline, the baseline every endpoint is measured against.
/// </summary>
internal sealed class BenchServer(string provider, string connection, string folder) : WebApplicationFactory<Program>
{
    static BenchServer() => BenchHost.UseRepositoryRoot();

    public static async Task<int> RunAsync(string[] args)
    {
        await using var server = new BenchServer(args[1], args[2], args[4]);
        server.UseKestrel(int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
        server.StartServer();
        await Task.Delay(Timeout.Infinite);
        return 0;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:CoCare", connection);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", BenchHost.Password);
        builder.UseSetting("Files:Root", Path.Combine(folder, "files"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TrivialEndpoint>());
    }

    private sealed class TrivialEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/bench/trivial", b => b.Run(context => context.Response.WriteAsJsonAsync(new { status = "ok", time = DateTime.UtcNow })));
            next(app);
        };
    }
}
