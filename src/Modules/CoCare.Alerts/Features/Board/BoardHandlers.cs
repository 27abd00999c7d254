using CoCare.Alerts.Domain;
using CoCare.Alerts.Features.Duty;
using CoCare.Alerts.Features.Maintenance;
using CoCare.Data;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace CoCare.Alerts.Features.Board;

/// <summary>An open alert on the board: what, where, for whom (masked), how long ago, and how far up its ladder it has climbed.</summary>
public sealed record BoardAlert(Guid Id, EventType Kind, AlertStatus Status, string VillageCode, string? Elder, DateTime RaisedAt, int Reached, int Ladder,
    DateTime? EscalatesAt, string? TakenBy, double? Latitude, double? Longitude);

/// <summary>A device drawn on the board's map: where, whether it is silent, whether it has an open alert.</summary>
public sealed record BoardPoint(Guid DeviceId, DeviceType Type, double Latitude, double Longitude, bool Offline, bool Alerting);

/// <summary>The live board: open alerts oldest first, who is on duty now (volunteers on shift, people on the duty roster), the devices as points, and the last 30 days' figures.</summary>
public sealed record BoardDto(IReadOnlyList<BoardAlert> Open, IReadOnlyList<ShiftDuty> OnDuty, IReadOnlyList<DutyShiftDto> Rostered, IReadOnlyList<BoardPoint> Points,
    ResponseStats Stats, int Devices, int OfflineDevices, IReadOnlyDictionary<string, string> Villages, DateTime At);

/// <summary>What the back office's live board shows, within the caller's regions.</summary>
public sealed class BoardHandlers(AppDbContext db, CurrentActor actor, IElderFacts elders, IVolunteerFacts volunteers, IDirectory directory, IConfiguration configuration,
    TimeProvider clock)
{
    public const int MaxOpen = 200;
    public const int MaxPoints = 2000;
    public static readonly TimeSpan StatsWindow = TimeSpan.FromDays(30);

    public async Task<BoardDto> BoardAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var alerts = Scoped(db.Set<Alert>().AsNoTracking(), a => a.VillageCode);
        var devices = Scoped(db.Set<Device>().AsNoTracking(), d => d.VillageCode).Where(d => d.Status == DeviceStatus.Active);

        var open = await alerts.Where(a => a.Status != AlertStatus.Resolved).OrderBy(a => a.RaisedAt).Take(MaxOpen)
            .Join(db.Set<Device>(), a => a.DeviceId, d => d.Id, (a, d) => new { Alert = a, d.Latitude, d.Longitude }).ToListAsync(ct);
        var names = await elders.MaskedNamesAsync([.. open.Select(o => o.Alert.ElderId).OfType<Guid>()], ct);

        var since = now - StatsWindow;
        var responses = await alerts.Where(a => a.AcknowledgedAt != null && a.RaisedAt >= since).OrderByDescending(a => a.RaisedAt).Take(10_000)
            .Select(a => new { a.RaisedAt, a.AcknowledgedAt }).ToListAsync(ct);
        var outcomes = await alerts.Where(a => a.Outcome != null && a.RaisedAt >= since).Select(a => a.Outcome!.Value).ToListAsync(ct);
        var stats = ResponseStats.From(responses.Select(r => (r.AcknowledgedAt!.Value - r.RaisedAt).TotalSeconds), outcomes);

        var offlineAfter = MaintenanceHandlers.OfflineAfterFrom(configuration);
        var cutoff = now - offlineAfter;
        var alerting = open.Select(o => o.Alert.DeviceId).ToHashSet();
        var points = await devices.Where(d => d.Latitude != null && d.Longitude != null).OrderBy(d => d.Id).Take(MaxPoints)
            .Select(d => new { d.Id, d.Type, d.Latitude, d.Longitude, Last = d.LastHeartbeatAt ?? d.RegisteredAt }).ToListAsync(ct);
        var total = await devices.CountAsync(ct);
        var offline = await devices.CountAsync(d => (d.LastHeartbeatAt ?? d.RegisteredAt) < cutoff, ct);

        var duty = new List<ShiftDuty>();
        foreach (var region in await DutyRegionsAsync(ct))
        {
            duty.AddRange(await volunteers.OnShiftAsync(region, now, now.AddSeconds(1), ct));
        }

        var rostered = await Scoped(db.Set<DutyShift>().AsNoTracking(), d => d.VillageCode).Where(d => d.StartsAt <= now && d.EndsAt > now)
            .OrderBy(d => d.VillageCode).ThenBy(d => d.Kind).ThenBy(d => d.EndsAt).Take(MaxOpen).ToListAsync(ct);
        var villageCodes = open.Select(o => o.Alert.VillageCode).Concat(duty.Select(d => d.RegionCode)).Concat(rostered.Select(d => d.VillageCode)).Distinct().ToList();
        var villages = new Dictionary<string, string>();
        foreach (var code in villageCodes)
        {
            var found = await directory.RegionsUnderAsync([code], 1, ct);
            villages[code] = found.Count > 0 ? found[0].Name : code;
        }

        return new BoardDto(
            [.. open.Select(o => new BoardAlert(o.Alert.Id, o.Alert.Kind, o.Alert.Status, o.Alert.VillageCode, o.Alert.ElderId is { } e ? names.GetValueOrDefault(e) : null,
                o.Alert.RaisedAt, o.Alert.Ladder.Count(r => r.NotifiedAt is not null), o.Alert.Ladder.Count, o.Alert.EscalatesAt,
                o.Alert.AcknowledgedBy is { } by ? o.Alert.Ladder.FirstOrDefault(r => r.AccountId == by)?.Name : null, o.Latitude, o.Longitude))],
            [.. duty.DistinctBy(d => (d.VolunteerId, d.ShiftId)).OrderBy(d => d.EndsAt)],
            [.. rostered.Select(DutyShiftDto.From)],
            [.. points.Select(p => new BoardPoint(p.Id, p.Type, p.Latitude!.Value, p.Longitude!.Value, p.Last < cutoff, alerting.Contains(p.Id)))],
            stats, total, offline, villages, now);
    }

    private IQueryable<T> Scoped<T>(IQueryable<T> q, System.Linq.Expressions.Expression<Func<T, string>> village) =>
        actor.IsPlatformAdmin ? q : q.WhereRegionUnder(village, actor.ScopePrefixes);

    /// <summary>The regions whose volunteers on shift the board lists: the caller's, or for the platform's administrator the top of the tree.</summary>
    private async Task<IReadOnlyList<string>> DutyRegionsAsync(CancellationToken ct) =>
        actor.IsPlatformAdmin ? [.. (await directory.RegionsUnderAsync(null, 1, ct)).Select(r => r.Code)] : actor.ScopeRegions;
}
