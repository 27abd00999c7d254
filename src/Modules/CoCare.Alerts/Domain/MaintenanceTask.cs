using CoCare.Kernel;

namespace CoCare.Alerts.Domain;

/// <summary>Why a device needs a visit that is not an emergency.</summary>
public enum MaintenanceKind
{
    /// <summary>No heartbeat for longer than the offline threshold.</summary>
    Offline,

    /// <summary>The battery reported at or below the low-battery threshold.</summary>
    LowBattery,
}

/// <summary>
/// A maintenance task for a device (电量低、设备离线): opened when the device falls silent or its battery runs low,
/// closed by itself when the device is heard again or reports a charged battery. At most one open task per device and kind.
/// </summary>
public sealed class MaintenanceTask : Entity
{
    /// <summary>The battery level (percent) at or below which a task is opened; one at or above <see cref="ChargedPercent"/> closes it.</summary>
    public const int LowPercent = 20;

    public const int ChargedPercent = 30;

    private MaintenanceTask()
    {
    }

    public MaintenanceTask(Device device, MaintenanceKind kind, DateTime openedAt)
    {
        ArgumentNullException.ThrowIfNull(device);
        DeviceId = device.Id;
        VillageCode = device.VillageCode;
        Kind = kind;
        OpenedAt = openedAt;
        LastHeartbeatAt = device.LastHeartbeatAt;
        BatteryPercent = device.BatteryPercent;
    }

    public Guid DeviceId { get; private set; }

    public string VillageCode { get; private set; } = "";

    public MaintenanceKind Kind { get; private set; }

    public DateTime OpenedAt { get; private set; }

    /// <summary>What the device had last said when the task was opened.</summary>
    public DateTime? LastHeartbeatAt { get; private set; }

    public int? BatteryPercent { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public void Close(DateTime at) => ClosedAt ??= at;

    /// <summary>Whether a device should have an open task of this kind now.</summary>
    public static bool Needed(MaintenanceKind kind, Device device, DateTime now, TimeSpan offlineAfter)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.Status == DeviceStatus.Active && kind switch
        {
            MaintenanceKind.Offline => (device.LastHeartbeatAt ?? device.RegisteredAt) < now - offlineAfter,
            _ => device.BatteryPercent is <= LowPercent,
        };
    }

    /// <summary>Whether an open task of this kind is done with (the device heard again, charged, or retired).</summary>
    public static bool Done(MaintenanceKind kind, Device device, DateTime now, TimeSpan offlineAfter)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.Status == DeviceStatus.Retired || kind switch
        {
            MaintenanceKind.Offline => device.LastHeartbeatAt is { } last && last >= now - offlineAfter,
            _ => device.BatteryPercent is >= ChargedPercent,
        };
    }
}

/// <summary>
/// One device's day (Beijing time): how many heartbeats arrived and the lowest battery it reported — its uptime kept
/// per day, so a year of a device sending every few minutes is 365 rows, not a hundred thousand.
/// </summary>
public sealed class DeviceDay : Entity
{
    private DeviceDay()
    {
    }

    public DeviceDay(Guid deviceId, DateOnly day)
    {
        DeviceId = deviceId;
        Day = day;
    }

    public Guid DeviceId { get; private set; }

    public DateOnly Day { get; private set; }

    public int Heartbeats { get; private set; }

    public int? LowestBattery { get; private set; }

    public void Add(int heartbeats, int? battery)
    {
        Heartbeats += Math.Max(0, heartbeats);
        LowestBattery = battery is >= 0 and <= 100 && (LowestBattery is null || battery < LowestBattery) ? battery : LowestBattery;
    }
}
