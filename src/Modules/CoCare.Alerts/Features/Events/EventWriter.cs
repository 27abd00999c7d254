using System.Threading.Channels;
using CoCare.Alerts.Domain;
using CoCare.Alerts.Features.Alerts;
using CoCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoCare.Alerts.Features.Events;

/// <summary>An accepted event (not a heartbeat) waiting to be stored; <see cref="Done"/> completes once it is.</summary>
internal sealed record PendingEvent(Guid DeviceId, string EventId, EventType Type, DateTime At, string? Payload, string Channel)
{
    public TaskCompletionSource<EventResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// The one writer of device events in this process (group commit, like the canteen's check-ins): requests over HTTP
/// and MQTT queue their events here; the writer takes what has queued (up to <see cref="MaxBatch"/>), drops event ids
/// the device used before, raises the alerts the rules call for, writes it all in one transaction and only then
/// answers — so an SOS acknowledged to a device is on disk. New alerts go to the <see cref="AlertDispatcher"/> to be
/// routed. Should a batch fail (another node stored one of the ids first), each event is written on its own.
/// </summary>
internal sealed partial class EventWriter(IServiceScopeFactory scopes, AlertDispatcher dispatcher, TimeProvider clock, ILogger<EventWriter> logger) : BackgroundService
{
    public const int MaxBatch = 1000;

    private readonly Channel<PendingEvent> queue = Channel.CreateBounded<PendingEvent>(new BoundedChannelOptions(50_000) { SingleReader = true });

    public async Task<EventResult[]> WriteAsync(IReadOnlyList<PendingEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            await queue.Writer.WriteAsync(e, ct);
        }

        return await Task.WhenAll(events.Select(e => e.Done.Task)).WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingEvent>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await WriteBatchAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued was never acknowledged.
        }
        finally
        {
            queue.Writer.TryComplete();
            while (queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task WriteBatchAsync(List<PendingEvent> batch)
    {
        try
        {
            await StoreAsync(batch);
        }
        catch (Exception e) when (batch.Count > 1 && e is not OperationCanceledException)
        {
            BatchFailed(logger, batch.Count, e);
            foreach (var one in batch)
            {
                try
                {
                    await StoreAsync([one]);
                }
                catch (DbUpdateException single) when (DbErrors.IsUniqueViolation(single))
                {
                    one.Done.TrySetResult(new EventResult(one.EventId, "duplicate")); // another node stored it first
                }
                catch (Exception single) when (single is not OperationCanceledException)
                {
                    one.Done.TrySetException(single);
                }
            }
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            batch[0].Done.TrySetResult(new EventResult(batch[0].EventId, "duplicate"));
        }
        catch (Exception e)
        {
            foreach (var one in batch)
            {
                one.Done.TrySetException(e);
            }
        }
    }

    private async Task StoreAsync(List<PendingEvent> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var deviceIds = batch.Select(e => e.DeviceId).Distinct().ToList();
        var eventIds = batch.Select(e => e.EventId).Distinct().ToList();
        var seen = (await db.Set<DeviceEvent>().AsNoTracking().Where(e => deviceIds.Contains(e.DeviceId) && eventIds.Contains(e.EventId))
                .Select(e => new { e.DeviceId, e.EventId }).ToListAsync())
            .Select(e => (e.DeviceId, e.EventId)).ToHashSet();
        var devices = await db.Set<Device>().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id);
        var villages = devices.Values.Select(d => d.VillageCode).Distinct().ToList();
        var rules = await db.Set<AlertRule>().AsNoTracking().Where(r => villages.Contains(r.VillageCode)).ToListAsync();

        var answers = new List<(PendingEvent Pending, EventResult Result, Alert? Alert)>(batch.Count);
        foreach (var p in batch)
        {
            if (!seen.Add((p.DeviceId, p.EventId)))
            {
                answers.Add((p, new EventResult(p.EventId, "duplicate"), null));
                continue;
            }

            var device = devices[p.DeviceId];
            var stored = new DeviceEvent(device.Id, p.EventId, p.Type, p.At, now, p.Payload, p.Channel);
            db.Add(stored);
            if (p.Type is EventType.Sos or EventType.DoorOpen)
            {
                device.Sensed(p.At); // a button pressed or a door opened: the elder is up and about
            }

            Alert? alert = null;
            var rule = AlertRule.For(rules, device.VillageCode, device.ElderId);
            if (rule.Raises(p.Type, p.At))
            {
                alert = new Alert(stored, device, rule.InformFamily);
                db.Add(alert);
            }

            answers.Add((p, new EventResult(p.EventId, "accepted"), alert));
        }

        await db.SaveChangesAsync();

        // Stored: answer the devices, then have the new alerts routed (should routing fail, the escalator routes them).
        foreach (var (pending, result, alert) in answers)
        {
            pending.Done.TrySetResult(alert is null ? result : result with { AlertId = alert.Id });
        }

        dispatcher.Post(answers.Where(a => a.Alert is not null).Select(a => a.Alert!.Id));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} device events failed; writing them one by one")]
    private static partial void BatchFailed(ILogger logger, int count, Exception e);
}

/// <summary>
/// Routes newly raised alerts off the request path: the writer posts their ids once stored; this loop fixes their
/// ladders and calls the first responder, then tells the live board. Ids still queued when the process dies are
/// routed by the escalator, which picks up any alert left unrouted.
/// </summary>
public sealed partial class AlertDispatcher(IServiceScopeFactory scopes, ILogger<AlertDispatcher> logger) : BackgroundService
{
    private readonly Channel<Guid> queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Raised after alerts were routed or changed, with their ids (the live board listens).</summary>
    public event Action<IReadOnlyList<Guid>>? Changed;

    public void Post(IEnumerable<Guid> alertIds)
    {
        foreach (var id in alertIds)
        {
            queue.Writer.TryWrite(id);
        }
    }

    public void Announce(IReadOnlyList<Guid> alertIds)
    {
        if (alertIds.Count > 0)
        {
            Changed?.Invoke(alertIds);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Guid>();
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < 200 && queue.Reader.TryRead(out var id))
            {
                batch.Add(id);
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AlertHandlers>().RouteAsync(batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RoutingFailed(logger, e);
            }

            Announce([.. batch]);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Routing new alerts failed; the escalator will route them")]
    private static partial void RoutingFailed(ILogger logger, Exception e);
}
