using CoCare.Alerts.Domain;

namespace CoCare.UnitTests.Alerts;

public class MaintenanceTaskTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan After = TimeSpan.FromMinutes(30);

    private static Device Pendant(DateTime registered) =>
        new(DeviceType.SosPendant, "P-1", "M", new DevicePlace(null, "450226104201", null, null, null), null, "dk", "x", registered);

    [Fact]
    public void ADevice_IsOffline_WhenSilentLongerThanTheThreshold_CountingFromRegistrationUntilFirstHeard()
    {
        var fresh = Pendant(Now.AddMinutes(-10));
        Assert.False(MaintenanceTask.Needed(MaintenanceKind.Offline, fresh, Now, After));
        var never = Pendant(Now.AddMinutes(-31));
        Assert.True(MaintenanceTask.Needed(MaintenanceKind.Offline, never, Now, After));
        never.Heard(Now.AddMinutes(-29), 90, null);
        Assert.False(MaintenanceTask.Needed(MaintenanceKind.Offline, never, Now, After));
        Assert.True(MaintenanceTask.Done(MaintenanceKind.Offline, never, Now, After));
        Assert.True(MaintenanceTask.Needed(MaintenanceKind.Offline, never, Now.AddMinutes(2), After));
    }

    [Theory]
    [InlineData(21, false, false)]
    [InlineData(20, true, false)]
    [InlineData(25, false, false)]
    [InlineData(30, false, true)]
    public void TheBattery_OpensAtTwentyPercent_AndClosesOnlyOnceChargedToThirty(int percent, bool needed, bool done)
    {
        var device = Pendant(Now.AddDays(-1));
        device.Heard(Now, percent, null);
        Assert.Equal((needed, done), (MaintenanceTask.Needed(MaintenanceKind.LowBattery, device, Now, After), MaintenanceTask.Done(MaintenanceKind.LowBattery, device, Now, After)));
    }

    [Fact]
    public void ARetiredDevice_NeedsNothing_AndItsTasksAreDone()
    {
        var device = Pendant(Now.AddDays(-1));
        device.Retire();
        Assert.False(MaintenanceTask.Needed(MaintenanceKind.Offline, device, Now, After));
        Assert.True(MaintenanceTask.Done(MaintenanceKind.LowBattery, device, Now, After));
    }
}
