using CoCare.Alerts.Domain;
using CoCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Alerts.Features.Devices;

/// <summary>What the ingestion path needs to know of a device to accept its events.</summary>
internal sealed record DeviceSnapshot(Guid Id, DeviceType Type, DeviceStatus Status, string Serial);

/// <summary>The key a request names, with its device, decrypted secret and — for a gateway — the devices attached to it by serial.</summary>
internal sealed record DeviceKey(DeviceSnapshot Device, string KeyId, byte[] Secret, IReadOnlyDictionary<string, DeviceSnapshot> Attached)
{
    public Guid DeviceId => Device.Id;

    public DeviceStatus Status => Device.Status;

    /// <summary>The device an event names: the key's own (no serial, or its own), or one attached to the gateway; null when neither.</summary>
    public DeviceSnapshot? Resolve(string? serial) =>
        serial is null || serial == Device.Serial ? Device : Attached.GetValueOrDefault(serial);
}

/// <summary>
/// Looks up device keys for the ingestion path, kept in memory for five minutes, so that a steady stream of events costs
/// no database read (a hundred thousand devices each with its own key would otherwise cost hundreds of lookups a second).
/// A rotated or retired key, or a device attached to a gateway, is seen at once on this node and within five minutes on
/// others. Unknown keys are not kept.
/// </summary>
internal sealed class DeviceCredentials(IMemoryCache cache, IServiceScopeFactory scopes, PersonalDataCipher cipher)
{
    private static readonly TimeSpan Life = TimeSpan.FromMinutes(5);

    public async Task<DeviceKey?> FindAsync(string keyId, CancellationToken ct)
    {
        if (cache.TryGetValue(("alr-key", keyId), out DeviceKey? key))
        {
            return key;
        }

        await using var scope = scopes.CreateAsyncScope();
        var devices = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Device>().AsNoTracking();
        var device = await devices.FirstOrDefaultAsync(d => d.KeyId == keyId, ct);
        if (device is null)
        {
            return null;
        }

        var attached = device.Type == DeviceType.Gateway
            ? await devices.Where(d => d.GatewayId == device.Id).Select(d => new DeviceSnapshot(d.Id, d.Type, d.Status, d.Serial)).ToDictionaryAsync(d => d.Serial, ct)
            : [];
        key = new DeviceKey(new DeviceSnapshot(device.Id, device.Type, device.Status, device.Serial), device.KeyId,
            Convert.FromBase64String(cipher.Decrypt(device.SecretCipher)!), attached);
        cache.Set(("alr-key", keyId), key, Life);
        return key;
    }

    public void Forget(string keyId) => cache.Remove(("alr-key", keyId));
}
