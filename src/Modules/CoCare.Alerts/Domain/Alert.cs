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

/// <summary>An alert raised by an emergency event, for the elder the device serves (its lifecycle and routing grow from here).</summary>
public sealed class Alert : Entity
{
    private Alert()
    {
    }

    public Alert(DeviceEvent cause, Device device)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(device);
        DeviceId = device.Id;
        EventId = cause.Id;
        ElderId = device.ElderId;
        VillageCode = device.VillageCode;
        Kind = cause.Type;
        RaisedAt = cause.ReceivedAt;
    }

    public Guid DeviceId { get; private set; }

    public Guid EventId { get; private set; }

    public Guid? ElderId { get; private set; }

    public string VillageCode { get; private set; } = "";

    public EventType Kind { get; private set; }

    public AlertStatus Status { get; private set; }

    public DateTime RaisedAt { get; private set; }
}
