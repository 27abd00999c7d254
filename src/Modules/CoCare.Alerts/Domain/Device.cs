using CoCare.Kernel;

namespace CoCare.Alerts.Domain;

/// <summary>What a device is (智慧养老终端).</summary>
public enum DeviceType
{
    SosPendant,
    SmartWatch,
    FallDetector,
    DoorSensor,
    SmokeDetector,
    GasDetector,
    BedSensor,
    Gateway,
}

public enum DeviceStatus
{
    Active,
    Retired,
}

/// <summary>What a device reports.</summary>
public enum EventType
{
    Sos,
    Fall,
    Smoke,
    Gas,
    DoorOpen,
    NoActivity,
    Heartbeat,
    LowBattery,
}

/// <summary>Which event types each kind of device can send, and which of them are emergencies (stored before the device is answered).</summary>
public static class DeviceCapabilities
{
    private static readonly Dictionary<DeviceType, EventType[]> Sends = new()
    {
        [DeviceType.SosPendant] = [EventType.Sos, EventType.Fall],
        [DeviceType.SmartWatch] = [EventType.Sos, EventType.Fall, EventType.NoActivity],
        [DeviceType.FallDetector] = [EventType.Fall, EventType.NoActivity],
        [DeviceType.DoorSensor] = [EventType.DoorOpen, EventType.NoActivity],
        [DeviceType.SmokeDetector] = [EventType.Smoke],
        [DeviceType.GasDetector] = [EventType.Gas],
        [DeviceType.BedSensor] = [EventType.NoActivity, EventType.Fall],
        [DeviceType.Gateway] = [],
    };

    /// <summary>Every device sends heartbeats and low-battery warnings; otherwise only what it can sense.</summary>
    public static bool CanSend(DeviceType device, EventType type) =>
        type is EventType.Heartbeat or EventType.LowBattery || (Sends.TryGetValue(device, out var types) && types.Contains(type));

    /// <summary>SOS, fall, smoke and gas always raise an alert and are stored before the device gets its answer.</summary>
    public static bool IsEmergency(EventType type) => type is EventType.Sos or EventType.Fall or EventType.Smoke or EventType.Gas;
}

/// <summary>Where a device is installed: for an elder or at a place in a village, its address (already encrypted) and point on the map.</summary>
public sealed record DevicePlace(Guid? ElderId, string VillageCode, string? AddressCipher, double? Latitude, double? Longitude);

/// <summary>
/// A registered device: where it is installed (the elder it serves, the village, the point on the map), its state as
/// last reported, and its credential — a key id and a secret (kept encrypted; shown once when issued) with which every
/// request it sends is signed. A gateway's credential also signs for the devices attached to it.
/// </summary>
public sealed class Device : Entity
{
    private Device()
    {
    }

    public Device(DeviceType type, string serial, string model, DevicePlace place, Guid? gatewayId, string keyId, string secretCipher, DateTime registeredAt)
    {
        ArgumentNullException.ThrowIfNull(place);
        Type = type;
        Serial = serial;
        Model = model;
        Install(place);
        GatewayId = gatewayId;
        KeyId = keyId;
        SecretCipher = secretCipher;
        RegisteredAt = registeredAt;
    }

    public DeviceType Type { get; private set; }

    public string Serial { get; private set; } = "";

    public string Model { get; private set; } = "";

    public Guid? ElderId { get; private set; }

    public string VillageCode { get; private set; } = "";

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>Where the device is installed, in words (encrypted: in an elder's home it is their address).</summary>
    public string? AddressCipher { get; private set; }

    /// <summary>The gateway this device reports through, if any.</summary>
    public Guid? GatewayId { get; private set; }

    public string KeyId { get; private set; } = "";

    public string SecretCipher { get; private set; } = "";

    public DateTime RegisteredAt { get; private set; }

    public DeviceStatus Status { get; private set; }

    public int? BatteryPercent { get; private set; }

    public string? Firmware { get; private set; }

    public DateTime? LastHeartbeatAt { get; private set; }

    /// <summary>When the device last sensed the elder moving (a door opened, a button, a heartbeat that says <c>"activity": true</c>).</summary>
    public DateTime? LastActivityAt { get; private set; }

    /// <summary>Notes the elder was active at <paramref name="at"/> (an older time than what is known changes nothing).</summary>
    public void Sensed(DateTime at)
    {
        if (LastActivityAt is null || at > LastActivityAt)
        {
            LastActivityAt = at;
        }
    }

    public void RotateKey(string keyId, string secretCipher)
    {
        KeyId = keyId;
        SecretCipher = secretCipher;
    }

    public void Retire() => Status = DeviceStatus.Retired;

    /// <summary>Installs the device at <paramref name="place"/> (registered there, or moved: to another elder, another room, another village).</summary>
    public void Install(DevicePlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        ElderId = place.ElderId;
        VillageCode = place.VillageCode;
        AddressCipher = place.AddressCipher;
        Latitude = place.Latitude;
        Longitude = place.Longitude;
    }

    /// <summary>Folds a heartbeat into the last-seen state (an older one than what is known changes nothing).</summary>
    public void Heard(DateTime at, int? battery, string? firmware)
    {
        if (LastHeartbeatAt is { } last && at <= last)
        {
            return;
        }

        LastHeartbeatAt = at;
        BatteryPercent = battery is >= 0 and <= 100 ? battery : BatteryPercent;
        Firmware = string.IsNullOrWhiteSpace(firmware) ? Firmware : firmware.Trim()[..Math.Min(40, firmware.Trim().Length)];
    }
}
