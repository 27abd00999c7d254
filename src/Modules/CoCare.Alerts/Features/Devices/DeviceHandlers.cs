using System.Security.Cryptography;
using CoCare.Alerts.Domain;
using CoCare.Data;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Alerts.Features.Devices;

/// <summary>
/// A device to register: installed for an elder (the village follows from the elder; without a point it takes the point
/// of the elder's home) or at a place in a village; the installed address in words is optional (at most 200 characters).
/// </summary>
public sealed record RegisterDevice(DeviceType? Type, string? Serial, string? Model, Guid? ElderId, string? VillageCode, double? Latitude, double? Longitude, Guid? GatewayId,
    string? Address = null);

/// <summary>Where a device is installed now (moved to another elder, room or village), as for registering.</summary>
public sealed record InstallDevice(Guid? ElderId, string? VillageCode, string? Address, double? Latitude, double? Longitude);

/// <summary>A device as lists show it: the elder's name and the installed address masked.</summary>
public sealed record DeviceDto(Guid Id, DeviceType Type, string Serial, string Model, Guid? ElderId, string VillageCode, Guid? GatewayId, DeviceStatus Status,
    int? BatteryPercent, string? Firmware, DateTime? LastHeartbeatAt, DateTime RegisteredAt, string KeyId, string? ElderName, string? Address, double? Latitude,
    double? Longitude);

public sealed record RegisterDevices(IReadOnlyList<RegisterDevice>? Devices);

public sealed record DeviceDayDto(DateOnly Day, int Heartbeats, int? LowestBattery);

/// <summary>A device's credential, shown once: when the device is registered and when its key is rotated.</summary>
public sealed record DeviceCredential(DeviceDto Device, string KeyId, string Secret);

/// <summary>The device registry: who may register, list, rotate and retire devices, within their regions.</summary>
internal sealed class DeviceHandlers(AppDbContext db, CurrentActor actor, IElderFacts elders, PersonalDataCipher cipher, DeviceCredentials credentials, TimeProvider clock)
{
    private static readonly Sorting<Device> Sorts = new Sorting<Device>("registered")
        .Add("registered", d => d.RegisteredAt, newestFirst: true).Add("serial", d => d.Serial).Add("lastHeartbeat", d => d.LastHeartbeatAt);

    public const int MaxBatch = 1000;

    public async Task<DeviceCredential> RegisterAsync(RegisterDevice request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await RegisterAsync([request], "", ct))[0];
    }

    /// <summary>Registers up to <see cref="MaxBatch"/> devices at once (a delivery from the vendor): all or none; the first refusal names its row, e.g. <c>devices[3].serial</c>.</summary>
    public async Task<IReadOnlyList<DeviceCredential>> RegisterManyAsync(IReadOnlyList<RegisterDevice>? requests, CancellationToken ct)
    {
        if (requests is not { Count: > 0 and <= MaxBatch } || requests.Any(r => r is null))
        {
            throw new DomainException("Device.BatchSize", ErrorKind.Validation, "devices", MaxBatch);
        }

        return await RegisterAsync(requests, "devices[{0}].", ct);
    }

    private async Task<IReadOnlyList<DeviceCredential>> RegisterAsync(IReadOnlyList<RegisterDevice> requests, string rowPrefix, CancellationToken ct)
    {
        var gateways = new Dictionary<Guid, string?>();
        var serials = new HashSet<string>(StringComparer.Ordinal);
        var made = new List<(Device Device, string Secret)>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            string Field(string name) => string.Format(System.Globalization.CultureInfo.InvariantCulture, rowPrefix, i) + name;
            if (request.Type is not { } type || !Enum.IsDefined(type))
            {
                throw new DomainException("Device.Type", ErrorKind.Validation, Field("type"));
            }

            var serial = request.Serial?.Trim();
            if (string.IsNullOrEmpty(serial) || serial.Length > 64 || !serial.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                throw new DomainException("Device.Serial", ErrorKind.Validation, Field("serial"));
            }

            var model = request.Model?.Trim();
            if (string.IsNullOrEmpty(model) || model.Length > 64)
            {
                throw new DomainException("Device.Model", ErrorKind.Validation, Field("model"));
            }

            var place = await PlaceAsync(request.ElderId, request.VillageCode, request.Address, request.Latitude, request.Longitude, Field, ct);
            var village = place.VillageCode;
            if (request.GatewayId is { } gatewayId)
            {
                if (!gateways.TryGetValue(gatewayId, out var gatewayKey))
                {
                    gatewayKey = await db.Set<Device>().Where(d => d.Id == gatewayId && d.Type == DeviceType.Gateway && d.Status == DeviceStatus.Active && d.VillageCode == village)
                        .Select(d => d.KeyId).FirstOrDefaultAsync(ct);
                    gateways[gatewayId] = gatewayKey;
                }

                if (gatewayKey is null)
                {
                    throw new DomainException("Device.Gateway", ErrorKind.Validation, Field("gatewayId"));
                }
            }

            if (!serials.Add(serial))
            {
                throw DomainException.Conflict("Device.SerialTaken", Field("serial"));
            }

            var (keyId, secret) = NewKey();
            made.Add((new Device(type, serial, model, place, request.GatewayId, keyId, cipher.Encrypt(secret)!, clock.GetUtcNow().UtcDateTime), secret));
        }

        var taken = serials.ToList();
        if (await db.Set<Device>().Where(d => taken.Contains(d.Serial)).Select(d => d.Serial).FirstOrDefaultAsync(ct) is { } clash)
        {
            throw DomainException.Conflict("Device.SerialTaken", SerialOf(made.FindIndex(m => m.Device.Serial == clash)));
        }

        db.AddRange(made.Select(m => m.Device));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw DomainException.Conflict("Device.SerialTaken", rowPrefix.Length == 0 ? "serial" : "devices");
        }

        foreach (var key in gateways.Values.OfType<string>())
        {
            credentials.Forget(key); // the gateway now signs for these devices too
        }

        var dtos = await DtosAsync([.. made.Select(m => m.Device)], ct);
        return [.. made.Select((m, i) => new DeviceCredential(dtos[i], m.Device.KeyId, m.Secret))];

        string SerialOf(int row) => string.Format(System.Globalization.CultureInfo.InvariantCulture, rowPrefix, row) + "serial";
    }

    public async Task<Page<DeviceDto>> ListAsync(PageRequest paging, DeviceStatus? status, DeviceType? type, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var q = Visible();
        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(d => EF.Functions.Like(d.Serial, like, "\\") || EF.Functions.Like(d.Model, like, "\\"));
        }

        q = status is null ? q : q.Where(d => d.Status == status);
        q = type is null ? q : q.Where(d => d.Type == type);
        var total = await q.CountAsync(ct);
        var rows = await Sorts.Apply(q, paging).ThenBy(d => d.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<DeviceDto>(await DtosAsync(rows, ct), total, paging.PageNumber, paging.PageSize);
    }

    public async Task<DeviceDto> GetAsync(Guid id, CancellationToken ct) => await DtoAsync(await FindAsync(id, ct), ct);

    /// <summary>Where the device is installed, its address in full (for whoever moves it; the read is audit-logged).</summary>
    public async Task<InstallDevice> InstallationAsync(Guid id, CancellationToken ct)
    {
        var device = await FindAsync(id, ct);
        if (device.AddressCipher is not null)
        {
            await db.RecordReadAsync(nameof(Device), device.Id.ToString(), ct);
        }

        return new InstallDevice(device.ElderId, device.VillageCode, cipher.Decrypt(device.AddressCipher), device.Latitude, device.Longitude);
    }

    /// <summary>
    /// Moves a device: to another elder (the village follows), another place in a village, another address or point.
    /// A device on a gateway stays in the gateway's village; a gateway with devices on it stays in its village.
    /// </summary>
    public async Task<DeviceDto> InstallAsync(Guid id, InstallDevice request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var device = await FindAsync(id, ct);
        if (device.Status == DeviceStatus.Retired)
        {
            throw DomainException.Conflict("Device.Retired");
        }

        var place = await PlaceAsync(request.ElderId, request.VillageCode, request.Address, request.Latitude, request.Longitude, name => name, ct);
        if (place.VillageCode != device.VillageCode)
        {
            if (device.GatewayId is not null)
            {
                throw new DomainException("Device.GatewayVillage", ErrorKind.Validation, "villageCode");
            }

            if (device.Type == DeviceType.Gateway && await db.Set<Device>().AnyAsync(d => d.GatewayId == device.Id && d.Status == DeviceStatus.Active, ct))
            {
                throw DomainException.Conflict("Device.GatewayInUse", "villageCode");
            }
        }

        device.Install(place);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(device, ct);
    }

    /// <summary>The device's last <paramref name="days"/> days (1–366, Beijing time), newest first: heartbeats heard and the lowest battery; a day it was silent is absent.</summary>
    public async Task<IReadOnlyList<DeviceDayDto>> DaysAsync(Guid id, int days, CancellationToken ct)
    {
        if (days is < 1 or > 366)
        {
            throw new DomainException("Device.Days", ErrorKind.Validation, "days");
        }

        var device = await FindAsync(id, ct);
        var since = ChinaTime.Day(clock.GetUtcNow().UtcDateTime).AddDays(1 - days);
        return await db.Set<DeviceDay>().AsNoTracking().Where(d => d.DeviceId == device.Id && d.Day >= since).OrderByDescending(d => d.Day)
            .Select(d => new DeviceDayDto(d.Day, d.Heartbeats, d.LowestBattery)).ToListAsync(ct);
    }

    /// <summary>A new key and secret; the old key stops working at once.</summary>
    public async Task<DeviceCredential> RotateKeyAsync(Guid id, CancellationToken ct)
    {
        var device = await FindAsync(id, ct);
        if (device.Status == DeviceStatus.Retired)
        {
            throw DomainException.Conflict("Device.Retired");
        }

        var (keyId, secret) = NewKey();
        var old = device.KeyId;
        device.RotateKey(keyId, cipher.Encrypt(secret)!);
        await db.SaveChangesAsync(ct);
        credentials.Forget(old);
        return new DeviceCredential(await DtoAsync(device, ct), keyId, secret);
    }

    public async Task<DeviceDto> RetireAsync(Guid id, CancellationToken ct)
    {
        var device = await FindAsync(id, ct);
        device.Retire();
        await db.SaveChangesAsync(ct);
        credentials.Forget(device.KeyId);
        if (device.GatewayId is { } gateway && await db.Set<Device>().Where(d => d.Id == gateway).Select(d => d.KeyId).FirstOrDefaultAsync(ct) is { } gatewayKey)
        {
            credentials.Forget(gatewayKey); // its gateway no longer signs for it
        }

        return await DtoAsync(device, ct);
    }

    private IQueryable<Device> Visible() =>
        actor.IsPlatformAdmin ? db.Set<Device>().AsNoTracking() : db.Set<Device>().AsNoTracking().WhereRegionUnder(d => d.VillageCode, actor.ScopePrefixes);

    private async Task<Device> FindAsync(Guid id, CancellationToken ct)
    {
        var device = await db.Set<Device>().FirstOrDefaultAsync(d => d.Id == id, ct);
        return device is not null && actor.Covers(device.VillageCode) ? device : throw DomainException.NotFound("Device.NotFound");
    }

    private static (string KeyId, string Secret) NewKey() =>
        ("dk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    /// <summary>
    /// Checks where a device is to be installed: for an elder in the caller's regions (the village follows; without a
    /// point, their home's) or in a village of theirs; an address of at most 200 characters; a point with both parts in range.
    /// </summary>
    private async Task<DevicePlace> PlaceAsync(Guid? elderId, string? villageCode, string? address, double? latitude, double? longitude, Func<string, string> field,
        CancellationToken ct)
    {
        if ((latitude is null) != (longitude is null) || (latitude is { } lat && longitude is { } lng && !new GeoPoint(lat, lng).IsValid))
        {
            throw new DomainException("Device.Location", ErrorKind.Validation, field("latitude"));
        }

        var words = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        if (words is { Length: > 200 })
        {
            throw new DomainException("Device.Address", ErrorKind.Validation, field("address"));
        }

        string village;
        if (elderId is { } elder)
        {
            var facts = await elders.FindAsync(elder, ct) ?? throw DomainException.NotFound("Device.ElderNotFound");
            village = facts.VillageCode;
            if (latitude is null && (await elders.HomesAsync([elder], ct)).TryGetValue(elder, out var home))
            {
                (latitude, longitude) = (home.Latitude, home.Longitude);
            }
        }
        else
        {
            village = villageCode?.Trim() ?? "";
            if (RegionCode.LevelOf(village) is not RegionLevel.Village)
            {
                throw new DomainException("Device.Village", ErrorKind.Validation, field("villageCode"));
            }
        }

        if (!actor.Covers(village))
        {
            throw DomainException.NotFound("Device.VillageOutside");
        }

        return new DevicePlace(elderId, village, cipher.Encrypt(words), latitude, longitude);
    }

    private async Task<DeviceDto> DtoAsync(Device device, CancellationToken ct) => (await DtosAsync([device], ct))[0];

    private async Task<IReadOnlyList<DeviceDto>> DtosAsync(IReadOnlyList<Device> devices, CancellationToken ct)
    {
        var names = await elders.MaskedNamesAsync([.. devices.Select(d => d.ElderId).OfType<Guid>()], ct);
        return [.. devices.Select(d => new DeviceDto(d.Id, d.Type, d.Serial, d.Model, d.ElderId, d.VillageCode, d.GatewayId, d.Status, d.BatteryPercent, d.Firmware,
            d.LastHeartbeatAt, d.RegisteredAt, d.KeyId, d.ElderId is { } e ? names.GetValueOrDefault(e) : null,
            cipher.Decrypt(d.AddressCipher) is { } a ? Masking.Address(a) : null, d.Latitude, d.Longitude))];
    }
}
