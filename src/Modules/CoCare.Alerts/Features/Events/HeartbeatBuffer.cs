using CoCare.Alerts.Domain;
using CoCare.Data;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoCare.Alerts.Features.Events;

/// <summary>
/// The heartbeats of a device not yet written, folded: the newest one's time and what it said of battery and firmware,
/// when it last sensed activity, how many arrived and the lowest battery among them (for the device's day).
/// </summary>
public sealed record Beat(DateTime At, int? Battery, string? Firmware, DateTime? ActiveAt, int Count = 1, int? LowestBattery = null)
{
    public int? Lowest => LowestBattery ?? Battery;

    /// <summary>This state with <paramref name="newer"/> folded in: its time and what it says win; what it does not say, and the latest activity, are kept.</summary>
    public Beat Merge(Beat newer) => (newer.At >= At
            ? newer with { Battery = newer.Battery ?? Battery, Firmware = newer.Firmware ?? Firmware, ActiveAt = Later(newer.ActiveAt, ActiveAt) }
            : this with { Battery = Battery ?? newer.Battery, Firmware = Firmware ?? newer.Firmware, ActiveAt = Later(ActiveAt, newer.ActiveAt) })
        with
    { Count = Count + newer.Count, LowestBattery = Lower(Lowest, newer.Lowest) };

    private static int? Lower(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}

/// <summary>
/// Heartbeats are folded in memory and written as last-seen state every second (and before the device watch looks,
/// and when the process stops), and counted into each device's day every 30 seconds: a heartbeat says only "still
/// here", so a crash loses at most a second of last-seen times and half a minute of a day's count, never an event.
/// This keeps a fleet of a hundred thousand devices from costing a write each per beat.
/// </summary>
public sealed class HeartbeatBuffer : IDisposable
{
    public const int WriteBatch = 500;

    private readonly Lock gate = new();
    private readonly SemaphoreSlim flushing = new(1, 1);
    private Dictionary<Guid, Beat> pending = [];
    private Dictionary<(Guid Device, DateOnly Day), (int Count, int? Lowest)> tally = [];
    private long daysWrittenAt = Environment.TickCount64;

    /// <summary>How often the days' heartbeat counts are written (last-seen state is written every second).</summary>
    public static readonly TimeSpan DaysEvery = TimeSpan.FromSeconds(30);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    public void Dispose() => flushing.Dispose();

    public void Record(Guid deviceId, Beat beat)
    {
        lock (gate)
        {
            pending[deviceId] = pending.TryGetValue(deviceId, out var known) ? known.Merge(beat) : beat;
        }
    }

    /// <summary>
    /// Writes the devices' last-seen state folded so far, one flush at a time, and — every
    /// <see cref="DaysEvery"/>, or when <paramref name="days"/> is set — the heartbeats counted into each device's day;
    /// what fails to be written is kept for the next time.
    /// </summary>
    public async Task<int> FlushAsync(AppDbContext db, CancellationToken ct, bool days = false)
    {
        await flushing.WaitAsync(ct);
        try
        {
            var written = await FlushDevicesAsync(db, ct);
            if (days || Environment.TickCount64 - daysWrittenAt >= (long)DaysEvery.TotalMilliseconds)
            {
                await FlushDaysAsync(db, ct);
                daysWrittenAt = Environment.TickCount64;
            }

            return written;
        }
        finally
        {
            flushing.Release();
        }
    }

    private async Task<int> FlushDevicesAsync(AppDbContext db, CancellationToken ct)
    {
        Dictionary<Guid, Beat> taken;
        lock (gate)
        {
            if (pending.Count == 0)
            {
                return 0;
            }

            (taken, pending) = (pending, []);
            foreach (var (id, beat) in taken)
            {
                var key = (id, ChinaTime.Day(beat.At));
                tally[key] = tally.TryGetValue(key, out var known) ? (known.Count + beat.Count, Lower(known.Lowest, beat.Lowest)) : (beat.Count, beat.Lowest);
            }
        }

        var written = new HashSet<Guid>();
        try
        {
            foreach (var chunk in taken.Keys.Chunk(WriteBatch))
            {
                foreach (var device in await db.Set<Device>().Where(d => chunk.Contains(d.Id)).ToListAsync(ct))
                {
                    var beat = taken[device.Id];
                    device.Heard(beat.At, beat.Battery, beat.Firmware);
                    if (beat.ActiveAt is { } active)
                    {
                        device.Sensed(active);
                    }
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                written.UnionWith(chunk);
            }
        }
        catch
        {
            // Keep the last-seen state not written (the days' counts are already in the tally).
            db.ChangeTracker.Clear();
            lock (gate)
            {
                foreach (var (id, beat) in taken.Where(t => !written.Contains(t.Key)))
                {
                    pending[id] = pending.TryGetValue(id, out var newer) ? (beat with { Count = 0 }).Merge(newer) : beat with { Count = 0 };
                }
            }

            throw;
        }

        return taken.Count;
    }

    /// <summary>Adds the tallied heartbeats to each device's day (Beijing time), in batches; a batch that fails goes back into the tally.</summary>
    private async Task FlushDaysAsync(AppDbContext db, CancellationToken ct)
    {
        Dictionary<(Guid Device, DateOnly Day), (int Count, int? Lowest)> counts;
        lock (gate)
        {
            if (tally.Count == 0)
            {
                return;
            }

            (counts, tally) = (tally, []);
        }

        var written = new HashSet<(Guid, DateOnly)>();
        try
        {
            foreach (var chunk in counts.Keys.Chunk(WriteBatch))
            {
                foreach (var group in chunk.GroupBy(k => k.Day))
                {
                    var ids = group.Select(k => k.Device).ToList();
                    var day = group.Key;
                    var rows = await db.Set<DeviceDay>().Where(d => ids.Contains(d.DeviceId) && d.Day == day).ToDictionaryAsync(d => d.DeviceId, ct);
                    foreach (var id in ids)
                    {
                        if (!rows.TryGetValue(id, out var row))
                        {
                            row = new DeviceDay(id, day);
                            db.Add(row);
                        }

                        var (count, lowest) = counts[(id, day)];
                        row.Add(count, lowest);
                    }
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                written.UnionWith(chunk);
            }
        }
        catch
        {
            // Another node may have added a device's day first: what was not written is counted again next time.
            db.ChangeTracker.Clear();
            lock (gate)
            {
                foreach (var (key, value) in counts.Where(c => !written.Contains(c.Key)))
                {
                    tally[key] = tally.TryGetValue(key, out var known) ? (known.Count + value.Count, Lower(known.Lowest, value.Lowest)) : value;
                }
            }

            throw;
        }
    }

    private static int? Lower(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}

/// <summary>Writes the folded heartbeats every second, and once more when the process stops.</summary>
internal sealed class HeartbeatWriter(IServiceScopeFactory scopes, HeartbeatBuffer buffer, ILogger<HeartbeatWriter> logger)
    : PeriodicJob(scopes, logger, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))
{
    private readonly IServiceScopeFactory scopes = scopes;

    /// <summary>Every second under a fleet: not worth a log line each time.</summary>
    protected override LogLevel HandledLevel => LogLevel.Debug;

    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken ct) =>
        buffer.FlushAsync(services.GetRequiredService<AppDbContext>(), ct);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await buffer.FlushAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken, days: true);
        }
        catch (ObjectDisposedException)
        {
            // The host is already torn down (a test host disposed without a graceful stop): a second of last-seen times is all that is lost.
        }
    }
}
