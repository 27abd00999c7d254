using CoCare.Alerts.Domain;
using CoCare.Alerts.Features.Events;
using CoCare.Data;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoCare.Alerts.Features.Maintenance;

public sealed record MaintenanceDto(Guid Id, Guid DeviceId, string Serial, DeviceType DeviceType, string VillageCode, MaintenanceKind Kind, DateTime OpenedAt,
    DateTime? LastHeartbeatAt, int? BatteryPercent, DateTime? ClosedAt);

/// <summary>
/// Devices that need a visit but are not an emergency: silent for longer than <c>Alerts:OfflineAfterMinutes</c> (30), or
/// with a battery at or below 20%. <see cref="WatchAsync"/> opens and closes the tasks from the devices' last-seen state.
/// </summary>
public sealed class MaintenanceHandlers(AppDbContext db, CurrentActor actor, HeartbeatBuffer heartbeats, IConfiguration configuration, TimeProvider clock)
{
    private const int Batch = 1_000;

    private static readonly Sorting<MaintenanceTask> Sorts = new Sorting<MaintenanceTask>("opened").Add("opened", t => t.OpenedAt, newestFirst: true);

    public TimeSpan OfflineAfter => OfflineAfterFrom(configuration);

    /// <summary><c>Alerts:OfflineAfterMinutes</c> (30), kept between 5 minutes and 7 days.</summary>
    public static TimeSpan OfflineAfterFrom(IConfiguration configuration) =>
        TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Alerts:OfflineAfterMinutes", 30), 5, 7 * 24 * 60));

    public async Task<Page<MaintenanceDto>> ListAsync(PageRequest paging, bool open, MaintenanceKind? kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var q = actor.IsPlatformAdmin ? db.Set<MaintenanceTask>().AsNoTracking() : db.Set<MaintenanceTask>().AsNoTracking().WhereRegionUnder(t => t.VillageCode, actor.ScopePrefixes);
        q = open ? q.Where(t => t.ClosedAt == null) : q;
        q = kind is null ? q : q.Where(t => t.Kind == kind);
        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(t => db.Set<Device>().Any(d => d.Id == t.DeviceId && EF.Functions.Like(d.Serial, like, "\\")));
        }

        var total = await q.CountAsync(ct);
        var rows = await Sorts.Apply(q, paging).ThenBy(t => t.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Set<Device>().AsNoTracking(), t => t.DeviceId, d => d.Id, (t, d) => new MaintenanceDto(t.Id, t.DeviceId, d.Serial, d.Type, t.VillageCode, t.Kind,
                t.OpenedAt, t.LastHeartbeatAt, t.BatteryPercent, t.ClosedAt))
            .ToListAsync(ct);
        return new Page<MaintenanceDto>(rows, total, paging.PageNumber, paging.PageSize);
    }

    /// <summary>Opens the tasks devices now need and closes those they no longer need (a batch of each per run); returns how many changed.</summary>
    public async Task<int> WatchAsync(CancellationToken ct)
    {
        await heartbeats.FlushAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - OfflineAfter;
        var tasks = db.Set<MaintenanceTask>();
        var active = db.Set<Device>().Where(d => d.Status == DeviceStatus.Active);
        var silent = await active.Where(d => (d.LastHeartbeatAt ?? d.RegisteredAt) < cutoff
                && !tasks.Any(t => t.DeviceId == d.Id && t.Kind == MaintenanceKind.Offline && t.ClosedAt == null))
            .OrderBy(d => d.LastHeartbeatAt ?? d.RegisteredAt).ThenBy(d => d.Id).Take(Batch).ToListAsync(ct);
        var low = await active.Where(d => d.BatteryPercent <= MaintenanceTask.LowPercent
                && !tasks.Any(t => t.DeviceId == d.Id && t.Kind == MaintenanceKind.LowBattery && t.ClosedAt == null))
            .OrderBy(d => d.BatteryPercent).ThenBy(d => d.Id).Take(Batch).ToListAsync(ct);
        db.AddRange(silent.Select(d => new MaintenanceTask(d, MaintenanceKind.Offline, now)));
        db.AddRange(low.Select(d => new MaintenanceTask(d, MaintenanceKind.LowBattery, now)));

        var heard = await (from t in tasks
                           join d in db.Set<Device>() on t.DeviceId equals d.Id
                           where t.ClosedAt == null && (d.Status == DeviceStatus.Retired
                               || (t.Kind == MaintenanceKind.Offline && d.LastHeartbeatAt >= cutoff)
                               || (t.Kind == MaintenanceKind.LowBattery && d.BatteryPercent >= MaintenanceTask.ChargedPercent))
                           orderby t.OpenedAt, t.Id
                           select t).Take(Batch).ToListAsync(ct);
        foreach (var task in heard)
        {
            task.Close(now);
        }

        await db.SaveChangesAsync(ct);
        return silent.Count + low.Count + heard.Count;
    }
}

/// <summary>Every minute, opens and closes the devices' maintenance tasks.</summary>
internal sealed class DeviceWatch(IServiceScopeFactory scopes, ILogger<DeviceWatch> logger) : PeriodicJob(scopes, logger, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1))
{
    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<MaintenanceHandlers>().WatchAsync(ct);
}
