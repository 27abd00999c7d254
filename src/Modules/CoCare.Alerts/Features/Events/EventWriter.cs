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
internal sealed record PendingEvent(Guid DeviceId, string EventId, EventType Type, DateTime At, string? Payload, string Channel) : IPendingWrite<EventResult>
{
    public TaskCompletionSource<EventResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// The one writer of device events in this process (a <see cref="GroupCommitWriter{TPending, TResult}"/>, like the
/// canteen's check-ins): requests over HTTP and MQTT queue their events here; each batch drops event ids the device used
/// before, raises the alerts the rules call for and is written in one transaction before any is answered — so an SOS
/// acknowledged to a device is on disk. New alerts go to the <see cref="AlertDispatcher"/> to be routed. An event
/// another node stored first is answered "duplicate".
/// </summary>
internal sealed class EventWriter(IServiceScopeFactory scopes, AlertDispatcher dispatcher, TimeProvider clock, ILogger<EventWriter> logger)
    : GroupCommitWriter<PendingEvent, EventResult>(maxBatch: 1000, capacity: 50_000, logger)
{
    public Task<EventResult[]> WriteAsync(IReadOnlyList<PendingEvent> events, CancellationToken ct) => CommitAsync(events, ct);

    protected override bool Answer(PendingEvent write, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (failure is DbUpdateException e && DbErrors.IsUniqueViolation(e))
        {
            write.Done.TrySetResult(new EventResult(write.EventId, "duplicate")); // another node stored it first
            return true;
        }

        return false;
    }

    protected override async Task StoreAsync(IReadOnlyList<PendingEvent> batch)
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
