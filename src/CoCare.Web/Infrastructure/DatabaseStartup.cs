using CoCare.Data;
using CoCare.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Web.Infrastructure;

/// <summary>Applies migrations and, when configured and the database is empty, loads the demo scenario.</summary>
public static class DatabaseStartup
{
    public static async Task<bool> PrepareAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        if (!scope.ServiceProvider.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            return false;
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(ct);
        var demo = scope.ServiceProvider.GetRequiredService<DemoOptions>();
        return demo.Seed && await scope.ServiceProvider.GetRequiredService<DrumTowerScenario>().SeedIfEmptyAsync(ct);
    }
}
