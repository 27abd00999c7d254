using System.Globalization;
using CoCare.Alerts.Domain;
using CoCare.Data;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace CoCare.Alerts.Features.Alerts;

/// <summary>A position as sent by a phone: WGS-84 degrees.</summary>
public sealed record SharePosition(double? Latitude, double? Longitude);

/// <summary>The caller's shared position: when it was shared and until when the ladder uses it (null when not sharing).</summary>
public sealed record MyPositionDto(DateTime? SharedAt, DateTime? FreshUntil, int FreshMinutes, bool CanShare);

/// <summary>
/// Responders share where their phone is so the nearest volunteer on shift is called first; a position counts for
/// <c>Alerts:PositionFreshMinutes</c> (60, between 5 and 720) after it was shared. Stopping deletes it.
/// </summary>
public sealed class ResponderPositions(AppDbContext db, CurrentActor actor, PersonalDataCipher cipher, IConfiguration configuration, TimeProvider clock)
{
    public TimeSpan Fresh => TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Alerts:PositionFreshMinutes", 60), 5, 720));

    public async Task<MyPositionDto> MineAsync(CancellationToken ct)
    {
        var me = Me();
        var at = await db.Set<ResponderPosition>().AsNoTracking().Where(p => p.AccountId == me).Select(p => (DateTime?)p.SharedAt).FirstOrDefaultAsync(ct);
        return new MyPositionDto(at, at + Fresh, (int)Fresh.TotalMinutes, MayShare);
    }

    /// <summary>Only those an alert can call share a position: volunteers, the village committee, the provider's staff.</summary>
    private bool MayShare => actor.IsInRole(Roles.Volunteer) || actor.IsInRole(Roles.VillageCommittee) || actor.IsInRole(Roles.Provider);

    /// <summary>Shares the caller's position: only for those an alert can call (volunteers, the village committee, the provider's staff).</summary>
    public async Task<MyPositionDto> ShareAsync(SharePosition? request, CancellationToken ct)
    {
        var me = Me();
        if (!MayShare)
        {
            throw DomainException.Forbidden("Position.NotResponder");
        }

        if (request is not { Latitude: { } latitude, Longitude: { } longitude } || !new GeoPoint(latitude, longitude).IsValid)
        {
            throw new DomainException("Position.Invalid", ErrorKind.Validation, "latitude");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var point = cipher.Encrypt(string.Create(CultureInfo.InvariantCulture, $"{latitude:R},{longitude:R}"))!;
        var known = await db.Set<ResponderPosition>().FirstOrDefaultAsync(p => p.AccountId == me, ct);
        if (known is null)
        {
            db.Add(new ResponderPosition(me, point, now));
        }
        else
        {
            known.Move(point, now);
        }

        await db.SaveChangesAsync(ct);
        return new MyPositionDto(now, now + Fresh, (int)Fresh.TotalMinutes, MayShare);
    }

    public async Task<MyPositionDto> StopAsync(CancellationToken ct)
    {
        var me = Me();
        await db.Set<ResponderPosition>().Where(p => p.AccountId == me).ExecuteDeleteAsync(ct);
        return new MyPositionDto(null, null, (int)Fresh.TotalMinutes, MayShare);
    }

    /// <summary>The fresh positions of these accounts (for routing; the points are decrypted here and go no further than the ladder's distances).</summary>
    public async Task<IReadOnlyDictionary<string, GeoPoint>> FreshAsync(IReadOnlyCollection<string> accountIds, DateTime now, CancellationToken ct)
    {
        if (accountIds.Count == 0)
        {
            return new Dictionary<string, GeoPoint>();
        }

        var since = now - Fresh;
        var rows = await db.Set<ResponderPosition>().AsNoTracking().Where(p => accountIds.Contains(p.AccountId) && p.SharedAt >= since)
            .Select(p => new { p.AccountId, p.PointCipher }).ToListAsync(ct);
        var points = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var parts = (cipher.Decrypt(row.PointCipher) ?? "").Split(',');
            if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                points[row.AccountId] = new GeoPoint(lat, lon);
            }
        }

        return points;
    }

    private string Me() => actor.AccountId ?? throw DomainException.Forbidden("Alert.NotRoutedToYou");
}
