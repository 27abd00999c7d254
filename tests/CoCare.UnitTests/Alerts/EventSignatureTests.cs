using System.Text;
using CoCare.Alerts.Domain;

namespace CoCare.UnitTests.Alerts;

public class EventSignatureTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("a device's secret, 32 bytes long");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"eventId\":\"e1\",\"type\":\"Sos\",\"time\":\"2026-11-24T08:00:00Z\"}");

    private static string Stamp(TimeSpan offset) => (Now + offset).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ASignatureMadeWithTheSecret_IsValid_AndMatchesAPlainHmac()
    {
        var stamp = Stamp(TimeSpan.Zero);
        var signature = EventSignature.Sign(Secret, "dk_1", long.Parse(stamp, System.Globalization.CultureInfo.InvariantCulture), Body);
        using var hmac = new System.Security.Cryptography.HMACSHA256(Secret);
        var expected = Convert.ToHexStringLower(hmac.ComputeHash([.. Encoding.UTF8.GetBytes("dk_1\n" + stamp + "\n"), .. Body]));
        Assert.Equal(expected, signature);
        Assert.Equal(SignatureCheck.Valid, EventSignature.Check(Secret, "dk_1", stamp, Body, signature, Now));
        Assert.Equal(SignatureCheck.Valid, EventSignature.Check(Secret, "dk_1", stamp, Body, signature.ToUpperInvariant(), Now));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void ATimestampMoreThanFiveMinutesOff_IsStale(int seconds)
    {
        var stamp = Stamp(TimeSpan.FromSeconds(seconds));
        var signature = EventSignature.Sign(Secret, "dk_1", long.Parse(stamp, System.Globalization.CultureInfo.InvariantCulture), Body);
        Assert.Equal(SignatureCheck.StaleTimestamp, EventSignature.Check(Secret, "dk_1", stamp, Body, signature, Now));
        Assert.Equal(SignatureCheck.Valid, EventSignature.Check(Secret, "dk_1", stamp, Body, signature, Now + TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("1.5e9")]
    [InlineData("2026-11-24T08:00:00Z")]
    public void AMissingOrUnreadableTimestamp_IsRefused(string? stamp) =>
        Assert.Equal(SignatureCheck.BadTimestamp, EventSignature.Check(Secret, "dk_1", stamp, Body, new string('0', 64), Now));

    [Fact]
    public void AnyChange_BreaksTheSignature()
    {
        var stamp = Stamp(TimeSpan.Zero);
        var signature = EventSignature.Sign(Secret, "dk_1", long.Parse(stamp, System.Globalization.CultureInfo.InvariantCulture), Body);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 1;
        Assert.Equal(SignatureCheck.BadSignature, EventSignature.Check(Secret, "dk_1", stamp, tampered, signature, Now));
        Assert.Equal(SignatureCheck.BadSignature, EventSignature.Check(Secret, "dk_2", stamp, Body, signature, Now));
        Assert.Equal(SignatureCheck.BadSignature, EventSignature.Check(Encoding.UTF8.GetBytes("another secret"), "dk_1", stamp, Body, signature, Now));
        Assert.Equal(SignatureCheck.BadSignature, EventSignature.Check(Secret, "dk_1", Stamp(TimeSpan.FromSeconds(1)), Body, signature, Now));
        Assert.Equal(SignatureCheck.BadSignature, EventSignature.Check(Secret, "dk_1", stamp, Body, signature[..62], Now));
        Assert.Equal(SignatureCheck.BadSignature, EventSignature.Check(Secret, "dk_1", stamp, Body, new string('z', 64), Now));
        Assert.Equal(SignatureCheck.BadSignature, EventSignature.Check(Secret, "dk_1", stamp, Body, null, Now));
    }
}

public class DeviceCapabilitiesTests
{
    [Theory]
    [InlineData(DeviceType.SosPendant, EventType.Sos, true)]
    [InlineData(DeviceType.SosPendant, EventType.Smoke, false)]
    [InlineData(DeviceType.SmokeDetector, EventType.Smoke, true)]
    [InlineData(DeviceType.SmokeDetector, EventType.Sos, false)]
    [InlineData(DeviceType.DoorSensor, EventType.DoorOpen, true)]
    [InlineData(DeviceType.GasDetector, EventType.Heartbeat, true)]
    [InlineData(DeviceType.Gateway, EventType.Heartbeat, true)]
    [InlineData(DeviceType.Gateway, EventType.Fall, false)]
    [InlineData(DeviceType.BedSensor, EventType.LowBattery, true)]
    public void ADevice_SendsOnlyWhatItCanSense(DeviceType device, EventType type, bool sends) =>
        Assert.Equal(sends, DeviceCapabilities.CanSend(device, type));

    [Fact]
    public void SosFallSmokeAndGas_AreTheEmergencies() =>
        Assert.Equal([EventType.Sos, EventType.Fall, EventType.Smoke, EventType.Gas], Enum.GetValues<EventType>().Where(DeviceCapabilities.IsEmergency));

    [Fact]
    public void AHeartbeat_MovesLastSeenForwardOnly_AndKeepsWhatItDoesNotSay()
    {
        var device = new Device(DeviceType.SosPendant, "P-1", "M1", new DevicePlace(null, "450226104201", null, null, null), null, "dk_1", "x", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        var t = new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);
        device.Heard(t, 80, "1.2.0");
        device.Heard(t.AddMinutes(-1), 10, "0.9");
        Assert.Equal((t, 80, "1.2.0"), (device.LastHeartbeatAt!.Value, device.BatteryPercent!.Value, device.Firmware!));
        device.Heard(t.AddMinutes(5), 150, null);
        Assert.Equal((t.AddMinutes(5), 80, "1.2.0"), (device.LastHeartbeatAt!.Value, device.BatteryPercent!.Value, device.Firmware!));
    }
}
