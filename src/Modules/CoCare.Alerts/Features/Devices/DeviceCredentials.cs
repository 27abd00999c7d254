using CoCare.Alerts.Domain;
using CoCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Alerts.Features.Devices;

/// <summary>The key a request names, with its device and decrypted secret.</summary>
internal sealed record DeviceKey(Guid DeviceId, DeviceType Type, DeviceStatus Status, string KeyId, byte[] Secret);

/// <summary>
/// Looks up device keys for the ingestion path, kept in memory for a minute (a rotated or retired key is forgotten at
/// once on this node and within a minute on others). Unknown keys are not kept.
/// </summary>
internal sealed class DeviceCredentials(IMemoryCache cache, IServiceScopeFactory scopes, PersonalDataCipher cipher)
{
    private static readonly TimeSpan Life = TimeSpan.FromMinutes(1);

    public async Task<DeviceKey?> FindAsync(string keyId, CancellationToken ct)
    {
        if (cache.TryGetValue(("alr-key", keyId), out DeviceKey? key))
        {
            return key;
        }

        await using var scope = scopes.CreateAsyncScope();
        var device = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Device>().AsNoTracking().FirstOrDefaultAsync(d => d.KeyId == keyId, ct);
        if (device is null)
        {
            return null;
        }

        key = new DeviceKey(device.Id, device.Type, device.Status, device.KeyId, Convert.FromBase64String(cipher.Decrypt(device.SecretCipher)!));
        cache.Set(("alr-key", keyId), key, Life);
        return key;
    }

    public void Forget(string keyId) => cache.Remove(("alr-key", keyId));
}
