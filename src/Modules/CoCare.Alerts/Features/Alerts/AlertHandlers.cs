using CoCare.Alerts.Domain;
using CoCare.Alerts.Features.Events;
using CoCare.Data;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoCare.Alerts.Features.Alerts;

public sealed record AlertDto(Guid Id, EventType Kind, AlertStatus Status, string VillageCode, Guid? ElderId, Guid DeviceId, DateTime RaisedAt, DateTime? NotifiedAt,
    string? AcknowledgedBy, DateTime? AcknowledgedAt, DateTime? OnSiteAt, DateTime? ResolvedAt, AlertOutcome? Outcome, string? ResolutionNote, DateTime? EscalatesAt,
    IReadOnlyList<AlertResponder> Ladder, bool InformFamily, DateTime? FamilyInformedAt)
{
    public static AlertDto From(Alert a) => new(a.Id, a.Kind, a.Status, a.VillageCode, a.ElderId, a.DeviceId, a.RaisedAt, a.NotifiedAt, a.AcknowledgedBy, a.AcknowledgedAt,
        a.OnSiteAt, a.ResolvedAt, a.Outcome, a.ResolutionNote, a.EscalatesAt, a.Ladder, a.InformFamily, a.FamilyInformedAt);
}

public sealed record ResolveAlert(AlertOutcome? Outcome, string? Note);

/// <summary>Where an alert came from, as its responder needs it: the device, its installed address in full and its point.</summary>
public sealed record AlertScene(Guid DeviceId, DeviceType DeviceType, string Serial, string? Address, double? Latitude, double? Longitude);

/// <summary>Alerts for the board (the caller's villages) and for responders (the alerts that reached them), and the responder's steps.</summary>
public sealed class AlertHandlers(AppDbContext db, CurrentActor actor, AlertRouter router, AlertDispatcher dispatcher, IElderFacts elders, PersonalDataCipher cipher,
    TimeProvider clock)
{
    private static readonly Sorting<Alert> Sorts = new Sorting<Alert>("raised").Add("raised", a => a.RaisedAt, newestFirst: true).Add("status", a => a.Status);

    public async Task<Page<AlertDto>> ListAsync(PageRequest paging, AlertStatus? status, bool open, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var q = actor.IsPlatformAdmin ? db.Set<Alert>().AsNoTracking() : db.Set<Alert>().AsNoTracking().WhereRegionUnder(a => a.VillageCode, actor.ScopePrefixes);
        q = status is null ? q : q.Where(a => a.Status == status);
        q = open ? q.Where(a => a.Status != AlertStatus.Resolved) : q;
        var total = await q.CountAsync(ct);
        var rows = await Sorts.Apply(q, paging).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<AlertDto>(rows.Select(AlertDto.From).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    /// <summary>The open alerts that reached the caller, newest first (at most 50), then those they resolved today.</summary>
    public async Task<IReadOnlyList<AlertDto>> MineAsync(CancellationToken ct)
    {
        var me = actor.AccountId ?? throw DomainException.Forbidden("Alert.NotRoutedToYou");
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);

        // The ladder is a JSON column: narrow by village scope and time in SQL, then read who was reached here.
        var recent = await db.Set<Alert>().AsNoTracking().Where(a => a.Status != AlertStatus.Resolved || a.ResolvedAt >= since)
            .OrderByDescending(a => a.RaisedAt).Take(500).ToListAsync(ct);
        return [.. recent.Where(a => a.Reached(me)).OrderBy(a => a.Status == AlertStatus.Resolved).ThenByDescending(a => a.RaisedAt).Take(50).Select(AlertDto.From)];
    }

    public async Task<AlertDto> GetAsync(Guid id, CancellationToken ct) => AlertDto.From(await FindAsync(id, ct));

    /// <summary>
    /// The elder an open alert is about, as its responder needs them — address, phone, family to call, key health notes.
    /// Only for someone the alert reached (403 for anyone else, the board included: it sees masked lists); null once the
    /// alert is resolved or when it is not about an elder (a detector in a public place). Each read is audit-logged.
    /// </summary>
    public async Task<ResponderBrief?> BriefAsync(Guid id, CancellationToken ct)
    {
        var alert = await ReachedAsync(id, ct);
        return alert.IsOpen && alert.ElderId is { } elder ? await elders.ResponderBriefAsync(elder, ct) : null;
    }

    /// <summary>An alert that reached the caller; 403 for one in their villages that did not, 404 otherwise.</summary>
    private async Task<Alert> ReachedAsync(Guid id, CancellationToken ct)
    {
        var me = actor.AccountId ?? throw DomainException.Forbidden("Alert.NotRoutedToYou");
        var alert = await db.Set<Alert>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.NotFound("Alert.NotFound");
        return alert.Reached(me) ? alert
            : throw (actor.Covers(alert.VillageCode) ? DomainException.Forbidden("Alert.NotRoutedToYou") : DomainException.NotFound("Alert.NotFound"));
    }

    /// <summary>The device that raised the alert and where it is installed, for someone the alert reached (403 otherwise); reading an address is audit-logged.</summary>
    public async Task<AlertScene> SceneAsync(Guid id, CancellationToken ct)
    {
        var alert = await ReachedAsync(id, ct);
        var device = await db.Set<Device>().AsNoTracking().FirstAsync(d => d.Id == alert.DeviceId, ct);
        if (device.AddressCipher is not null)
        {
            await db.RecordReadAsync(nameof(Device), device.Id.ToString(), ct);
        }

        return new AlertScene(device.Id, device.Type, device.Serial, cipher.Decrypt(device.AddressCipher), device.Latitude, device.Longitude);
    }

    public Task<AlertDto> AcknowledgeAsync(Guid id, CancellationToken ct) => StepAsync(id, (a, me, now) => a.Acknowledge(me, now), ct);

    public Task<AlertDto> ArriveAsync(Guid id, CancellationToken ct) => StepAsync(id, (a, me, now) => a.Arrive(me, now), ct);

    public Task<AlertDto> FamilyInformedAsync(Guid id, CancellationToken ct) => StepAsync(id, (a, me, now) => a.FamilyInformed(me, now), ct);

    public Task<AlertDto> ResolveAsync(Guid id, ResolveAlert request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StepAsync(id, (a, me, now) => a.Resolve(me, request.Outcome ?? (AlertOutcome)(-1), request.Note, now), ct);
    }

    /// <summary>Routes new alerts: fixes each ladder from who is on duty now and calls its first rung.</summary>
    public async Task RouteAsync(IReadOnlyList<Guid> alertIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var alert in await db.Set<Alert>().Where(a => alertIds.Contains(a.Id) && a.RoutedAt == null).ToListAsync(ct))
        {
            alert.Route(await router.LadderAsync(alert, now, ct), now, router.Wait);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (alertIds.Count > 1)
        {
            // The dispatcher and the escalator (or another node) routed one of them at the same moment: route the rest one by one.
            db.ChangeTracker.Clear();
            foreach (var id in alertIds)
            {
                await RouteAsync([id], ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // someone else's ladder stands
        }
    }

    /// <summary>Calls the next rung of every open alert nobody has acknowledged within the wait; returns how many escalated.</summary>
    public async Task<int> EscalateDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unrouted = await db.Set<Alert>().Where(a => a.RoutedAt == null && a.RaisedAt <= now.AddSeconds(-5)).OrderBy(a => a.RaisedAt).Select(a => a.Id).Take(200).ToListAsync(ct);
        if (unrouted.Count > 0)
        {
            await RouteAsync(unrouted, ct);
        }

        var due = await db.Set<Alert>().Where(a => (a.Status == AlertStatus.Raised || a.Status == AlertStatus.Notified) && a.EscalatesAt != null && a.EscalatesAt <= now)
            .OrderBy(a => a.EscalatesAt).Take(200).ToListAsync(ct);
        var escalated = due.Where(a => a.Escalate(now, router.Wait) is not null).Select(a => a.Id).ToList();
        await db.SaveChangesAsync(ct);
        dispatcher.Announce([.. escalated, .. unrouted]);
        return escalated.Count + unrouted.Count;
    }

    private async Task<AlertDto> StepAsync(Guid id, Action<Alert, string, DateTime> step, CancellationToken ct)
    {
        var me = actor.AccountId ?? throw DomainException.Forbidden("Alert.NotRoutedToYou");
        var alert = await FindAsync(id, ct);
        step(alert, me, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        dispatcher.Announce([alert.Id]);
        return AlertDto.From(alert);
    }

    /// <summary>An alert in the caller's villages, or one that reached them; otherwise 404.</summary>
    private async Task<Alert> FindAsync(Guid id, CancellationToken ct)
    {
        var alert = await db.Set<Alert>().FirstOrDefaultAsync(a => a.Id == id, ct);
        return alert is not null && (actor.Covers(alert.VillageCode) || (actor.AccountId is { } me && alert.Reached(me)))
            ? alert
            : throw DomainException.NotFound("Alert.NotFound");
    }
}

/// <summary>Every 15 seconds, calls the next responder of alerts nobody acknowledged in time.</summary>
internal sealed class AlertEscalator(IServiceScopeFactory scopes, ILogger<AlertEscalator> logger)
    : PeriodicJob(scopes, logger, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15))
{
    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<AlertHandlers>().EscalateDueAsync(ct);
}
