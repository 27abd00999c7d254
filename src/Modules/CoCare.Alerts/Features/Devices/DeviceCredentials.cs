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
/// Looks up device keys for the ingestion path, kept in memory for five to seven and a half minutes (spread, so keys
/// loaded together are not all read again together), so that a steady stream of events costs no database read. Keys
/// not in memory are read in groups: whatever lookups arrive while one read is under way are answered by the next
/// single read of up to <see cref="LoadBatch"/> keys, so a node meeting a hundred thousand devices at once (after a
/// restart) reads a few hundred keys a query instead of one. A rotated or retired key, or a device attached to a
/// gateway, is seen at once on this node and within the cache's life on others. Unknown keys are not kept.
/// </summary>
internal sealed class DeviceCredentials(IMemoryCache cache, IServiceScopeFactory scopes, PersonalDataCipher cipher)
{
    public const int LoadBatch = 500;

    private static readonly TimeSpan Life = TimeSpan.FromMinutes(5);

    private readonly Lock gate = new();
    private readonly Dictionary<string, TaskCompletionSource<DeviceKey?>> waiting = new(StringComparer.Ordinal);
    private bool loading;
    private long forgotten;

    public Task<DeviceKey?> FindAsync(string keyId, CancellationToken ct)
    {
        if (cache.TryGetValue(("alr-key", keyId), out DeviceKey? key))
        {
            return Task.FromResult(key);
        }

        TaskCompletionSource<DeviceKey?>? answer;
        var start = false;
        lock (gate)
        {
            if (!waiting.TryGetValue(keyId, out answer))
            {
                answer = new TaskCompletionSource<DeviceKey?>(TaskCreationOptions.RunContinuationsAsynchronously);
                waiting[keyId] = answer;
            }

            if (!loading)
            {
                loading = start = true;
            }
        }

        if (start)
        {
            _ = Task.Run(LoadWaitingAsync, CancellationToken.None);
        }

        return answer.Task.WaitAsync(ct);
    }

    /// <summary>Drops a key from memory (rotated, retired, or its gateway's devices changed); a read under way when this happens keeps nothing it read.</summary>
    public void Forget(string keyId)
    {
        Interlocked.Increment(ref forgotten);
        cache.Remove(("alr-key", keyId));
    }

    /// <summary>Reads the keys waited for, a group at a time, until none wait; a failed read fails only the lookups in its group.</summary>
    private async Task LoadWaitingAsync()
    {
        while (true)
        {
            Dictionary<string, TaskCompletionSource<DeviceKey?>> group;
            lock (gate)
            {
                if (waiting.Count == 0)
                {
                    loading = false;
                    return;
                }

                group = waiting.Take(LoadBatch).ToDictionary(StringComparer.Ordinal);
                foreach (var id in group.Keys)
                {
                    waiting.Remove(id);
                }
            }

            try
            {
                var before = Interlocked.Read(ref forgotten);
                var found = await LoadAsync([.. group.Keys]);
                var keep = Interlocked.Read(ref forgotten) == before;
                foreach (var (id, answer) in group)
                {
                    var key = found.GetValueOrDefault(id);
                    if (key is not null && keep)
                    {
                        cache.Set(("alr-key", id), key, Life + TimeSpan.FromSeconds(Random.Shared.Next(150)));
                    }

                    answer.TrySetResult(key);
                }
            }
            catch (Exception failed)
            {
                foreach (var answer in group.Values)
                {
                    answer.TrySetException(failed);
                }
            }
        }
    }

    private async Task<Dictionary<string, DeviceKey>> LoadAsync(List<string> keyIds)
    {
        await using var scope = scopes.CreateAsyncScope();
        var devices = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Device>().AsNoTracking();
        var found = await devices.Where(d => keyIds.Contains(d.KeyId))
            .Select(d => new { d.Id, d.Type, d.Status, d.Serial, d.KeyId, d.SecretCipher }).ToListAsync();
        var gateways = found.Where(d => d.Type == DeviceType.Gateway).Select(d => (Guid?)d.Id).ToList();
        var attached = gateways.Count == 0
            ? []
            : await devices.Where(d => gateways.Contains(d.GatewayId))
                .Select(d => new { GatewayId = d.GatewayId!.Value, Snapshot = new DeviceSnapshot(d.Id, d.Type, d.Status, d.Serial) }).ToListAsync();
        var byGateway = attached.ToLookup(a => a.GatewayId, a => a.Snapshot);
        return found.ToDictionary(d => d.KeyId, d => new DeviceKey(new DeviceSnapshot(d.Id, d.Type, d.Status, d.Serial), d.KeyId,
            Convert.FromBase64String(cipher.Decrypt(d.SecretCipher)!),
            d.Type == DeviceType.Gateway ? byGateway[d.Id].ToDictionary(a => a.Serial, StringComparer.Ordinal) : new Dictionary<string, DeviceSnapshot>()), StringComparer.Ordinal);
    }
}
