using CoCare.Kernel;

namespace CoCare.Alerts.Domain;

/// <summary>One event a device sent, as stored (heartbeats are folded into the device instead). The event id is the device's, unique per device.</summary>
public sealed class DeviceEvent : Entity
{
    private DeviceEvent()
    {
    }

    public DeviceEvent(Guid deviceId, string eventId, EventType type, DateTime occurredAt, DateTime receivedAt, string? payload, string channel)
    {
        DeviceId = deviceId;
        EventId = eventId;
        Type = type;
        OccurredAt = occurredAt;
        ReceivedAt = receivedAt;
        Payload = payload;
        Channel = channel;
    }

    public Guid DeviceId { get; private set; }

    public string EventId { get; private set; } = "";

    public EventType Type { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    /// <summary>The event's own data as the device sent it (JSON, at most 4 KB).</summary>
    public string? Payload { get; private set; }

    /// <summary>"http" or "mqtt".</summary>
    public string Channel { get; private set; } = "";
}

public enum AlertStatus
{
    Raised,
    Notified,
    Acknowledged,
    OnSite,
    Resolved,
}

/// <summary>How an alert ended.</summary>
public enum AlertOutcome
{
    Handled,
    FalseAlarm,
    HandedTo120,
    HandedTo110,
}

/// <summary>
/// Who may be called to an alert, in the order they are called: volunteers on shift and the provider's care workers on
/// duty (nearest first), the village committee's duty person, the provider's duty manager.
/// </summary>
public enum ResponderKind
{
    Volunteer,
    VillageDuty,
    ProviderManager,
    Worker,
}

/// <summary>One rung of an alert's ladder; <see cref="NotifiedAt"/> is set when the alert reached them.</summary>
public sealed record AlertResponder(string AccountId, string Name, ResponderKind Kind, double? DistanceMeters, DateTime? NotifiedAt = null);

/// <summary>
/// An alert raised by an emergency event, for the elder the device serves, and its lifecycle:
/// <c>Raised → Notified → Acknowledged → OnSite → Resolved(outcome)</c>, every step timed. The ladder of responders is
/// fixed when the alert is routed; the first is notified at once and, while nobody has acknowledged, each
/// <see cref="Escalate"/> after the wait adds the next. Only someone the alert reached may acknowledge it; only the one
/// who acknowledged arrives and resolves it, with a note.
/// </summary>
public sealed class Alert : Entity
{
    private Alert()
    {
    }

    /// <summary>An alert a device's event raised; <paramref name="informFamily"/> as the elder's rules say.</summary>
    public Alert(DeviceEvent cause, Device device, bool informFamily = false)
        : this(device, (cause ?? throw new ArgumentNullException(nameof(cause))).Type, cause.ReceivedAt, informFamily) => EventId = cause.Id;

    /// <summary>An alert CoCare raised itself for the elder a device serves (no activity for too long).</summary>
    public Alert(Device device, EventType kind, DateTime raisedAt, bool informFamily = false)
    {
        ArgumentNullException.ThrowIfNull(device);
        DeviceId = device.Id;
        ElderId = device.ElderId;
        VillageCode = device.VillageCode;
        Kind = kind;
        RaisedAt = raisedAt;
        InformFamily = informFamily && device.ElderId is not null;
    }

    public Guid DeviceId { get; private set; }

    /// <summary>The device event that raised the alert (none when CoCare raised it from what it did not hear).</summary>
    public Guid? EventId { get; private set; }

    public Guid? ElderId { get; private set; }

    public string VillageCode { get; private set; } = "";

    public EventType Kind { get; private set; }

    public AlertStatus Status { get; private set; }

    public DateTime RaisedAt { get; private set; }

    /// <summary>Who is called, in order; those already reached carry the time.</summary>
    public List<AlertResponder> Ladder { get; private set; } = [];

    public DateTime? RoutedAt { get; private set; }

    public DateTime? NotifiedAt { get; private set; }

    /// <summary>When the next rung is called if nobody has acknowledged by then (null: nobody left to call, or acknowledged).</summary>
    public DateTime? EscalatesAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public DateTime? AcknowledgedAt { get; private set; }

    public DateTime? OnSiteAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public AlertOutcome? Outcome { get; private set; }

    public string? ResolutionNote { get; private set; }

    /// <summary>Whether the responder is asked to tell the elder's family (the rules' "family informed"; only for an elder's alert).</summary>
    public bool InformFamily { get; private set; }

    /// <summary>When the responder told the family (by phone — CoCare has no SMS gateway yet), and who.</summary>
    public DateTime? FamilyInformedAt { get; private set; }

    public string? FamilyInformedBy { get; private set; }

    public bool IsOpen => Status != AlertStatus.Resolved;

    /// <summary>Whether the alert has reached this account.</summary>
    public bool Reached(string accountId) => Ladder.Any(r => r.NotifiedAt is not null && r.AccountId == accountId);

    /// <summary>Fixes the ladder and calls its first rung at once (an empty ladder leaves the alert raised, for the board to see).</summary>
    public AlertResponder? Route(IReadOnlyList<AlertResponder> ladder, DateTime now, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        if (RoutedAt is not null)
        {
            return null;
        }

        Ladder = [.. ladder.DistinctBy(r => r.AccountId).Select(r => r with { NotifiedAt = null })];
        RoutedAt = now;
        return CallNext(now, wait);
    }

    /// <summary>Calls the next rung when the wait is over and nobody has acknowledged; returns who was called.</summary>
    public AlertResponder? Escalate(DateTime now, TimeSpan wait) =>
        Status is AlertStatus.Raised or AlertStatus.Notified && EscalatesAt is { } due && now >= due ? CallNext(now, wait) : null;

    public void Acknowledge(string accountId, DateTime now)
    {
        if (Status is not (AlertStatus.Raised or AlertStatus.Notified))
        {
            throw DomainException.Conflict("Alert.AlreadyAcknowledged", null, AcknowledgedBy ?? "");
        }

        if (!Reached(accountId))
        {
            throw DomainException.Forbidden("Alert.NotRoutedToYou");
        }

        Status = AlertStatus.Acknowledged;
        AcknowledgedBy = accountId;
        AcknowledgedAt = now;
        EscalatesAt = null;
    }

    public void Arrive(string accountId, DateTime now)
    {
        RequireResponder(accountId);
        if (Status != AlertStatus.Acknowledged)
        {
            throw DomainException.Conflict(Status == AlertStatus.OnSite ? "Alert.AlreadyOnSite" : "Alert.NotAcknowledged");
        }

        Status = AlertStatus.OnSite;
        OnSiteAt = now;
    }

    public void Resolve(string accountId, AlertOutcome outcome, string? note, DateTime now)
    {
        if (Status is AlertStatus.Raised or AlertStatus.Notified)
        {
            throw DomainException.Conflict("Alert.NotAcknowledged");
        }

        if (Status == AlertStatus.Resolved)
        {
            throw DomainException.Conflict("Alert.AlreadyResolved");
        }

        RequireResponder(accountId);
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("Alert.Outcome", ErrorKind.Validation, "outcome");
        }

        var text = note?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 1000)
        {
            throw new DomainException("Alert.Note", ErrorKind.Validation, "note");
        }

        Status = AlertStatus.Resolved;
        Outcome = outcome;
        ResolutionNote = text;
        ResolvedAt = now;
    }

    /// <summary>The responder who took the alert has told the elder's family (at any step after taking it, also after closing it); once.</summary>
    public void FamilyInformed(string accountId, DateTime now)
    {
        if (ElderId is null)
        {
            throw DomainException.Conflict("Alert.NoFamily");
        }

        if (AcknowledgedBy is null)
        {
            throw DomainException.Conflict("Alert.NotAcknowledged");
        }

        RequireResponder(accountId);
        if (FamilyInformedAt is not null)
        {
            throw DomainException.Conflict("Alert.FamilyAlreadyInformed");
        }

        FamilyInformedAt = now;
        FamilyInformedBy = accountId;
    }

    private void RequireResponder(string accountId)
    {
        if (AcknowledgedBy is not null && AcknowledgedBy != accountId)
        {
            throw DomainException.Forbidden("Alert.NotYourAlert");
        }
    }

    private AlertResponder? CallNext(DateTime now, TimeSpan wait)
    {
        var next = Ladder.FindIndex(r => r.NotifiedAt is null);
        if (next < 0)
        {
            EscalatesAt = null;
            return null;
        }

        Ladder[next] = Ladder[next] with { NotifiedAt = now };
        Ladder = [.. Ladder]; // a new list, so the change tracker sees the JSON column change
        Status = AlertStatus.Notified;
        NotifiedAt ??= now;
        EscalatesAt = next + 1 < Ladder.Count ? now + wait : null;
        return Ladder[next];
    }
}

/// <summary>Orders the people an alert may call: volunteers and workers on shift nearest first (those without a known distance after them), then the village's duty people, then the provider's managers.</summary>
public static class ResponderLadder
{
    /// <remarks>Someone in two rungs (a manager also rostered as a care worker) is called once, at the first.</remarks>
    public static IReadOnlyList<AlertResponder> Order(IEnumerable<AlertResponder> volunteers, IEnumerable<AlertResponder> villageDuty, IEnumerable<AlertResponder> providerManagers) =>
    [
        .. new[]
        {
            volunteers.OrderBy(r => r.DistanceMeters ?? double.MaxValue).ThenBy(r => r.Name, StringComparer.Ordinal),
            villageDuty.OrderBy(r => r.Name, StringComparer.Ordinal),
            providerManagers.OrderBy(r => r.Name, StringComparer.Ordinal),
        }.SelectMany(rung => rung).DistinctBy(r => r.AccountId, StringComparer.Ordinal),
    ];

    /// <summary>
    /// The volunteers with their distance (whole metres) from <paramref name="scene"/> where their phone's position is
    /// known; without a scene or a position the distance stays unknown (they are called after those nearer).
    /// </summary>
    public static IEnumerable<AlertResponder> WithDistances(IEnumerable<AlertResponder> volunteers, GeoPoint? scene, IReadOnlyDictionary<string, GeoPoint> positions)
    {
        ArgumentNullException.ThrowIfNull(volunteers);
        ArgumentNullException.ThrowIfNull(positions);
        return volunteers.Select(v => scene is not null && positions.TryGetValue(v.AccountId, out var at)
            ? v with { DistanceMeters = Math.Round(scene.MetersTo(at)) }
            : v with { DistanceMeters = null });
    }
}
