using System.Globalization;
using CoCare.Alerts.Domain;
using CoCare.Alerts.Features.Events;
using CoCare.Data;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoCare.Alerts.Features.Rules;

/// <summary>Alert rules as sent and shown: times of day as "HH:mm" (Beijing time); quiet hours both set or both empty.</summary>
public sealed record RuleDto(bool DoorAtNight, string NightStarts, string NightEnds, int InactivityHours, string? QuietStarts, string? QuietEnds, bool InformFamily)
{
    public static RuleDto From(RuleSettings s) => new(s.DoorAtNight, Hm(s.NightStarts), Hm(s.NightEnds), s.InactivityHours,
        s.QuietStarts is { } q ? Hm(q) : null, s.QuietEnds is { } e ? Hm(e) : null, s.InformFamily);

    private static string Hm(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}

public sealed record ElderRuleDto(Guid ElderId, RuleDto Rule, string UpdatedBy, DateTime UpdatedAt);

/// <summary>A village's rules (whether set there or the defaults) and the elders in it with rules of their own.</summary>
public sealed record VillageRulesDto(string VillageCode, bool IsDefault, RuleDto Rule, IReadOnlyList<ElderRuleDto> Elders);

/// <summary>Who may read and set the alert rules (a village's, and one elder's overriding it), and the watch that raises no-activity alerts.</summary>
public sealed class RuleHandlers(AppDbContext db, CurrentActor actor, IElderFacts elders, HeartbeatBuffer heartbeats, AlertDispatcher dispatcher, TimeProvider clock)
{
    public const int WatchBatch = 500;

    /// <summary>Device kinds that keep sensing whether the elder moves (a pendant only when pressed; smoke and gas detectors and gateways not at all).</summary>
    private static readonly DeviceType[] Sensing = [DeviceType.SmartWatch, DeviceType.FallDetector, DeviceType.DoorSensor, DeviceType.BedSensor];

    public async Task<VillageRulesDto> GetAsync(string villageCode, CancellationToken ct)
    {
        var village = Village(villageCode);
        var rules = await db.Set<AlertRule>().AsNoTracking().Where(r => r.VillageCode == village).ToListAsync(ct);
        var own = rules.FirstOrDefault(r => r.ElderId is null);
        return new VillageRulesDto(village, own is null, RuleDto.From(own?.Settings ?? RuleSettings.Default),
            [.. rules.Where(r => r.ElderId is not null).OrderBy(r => r.UpdatedAt).Select(r => new ElderRuleDto(r.ElderId!.Value, RuleDto.From(r.Settings), r.UpdatedBy, r.UpdatedAt))]);
    }

    public async Task<VillageRulesDto> SetVillageAsync(string villageCode, RuleDto? request, CancellationToken ct)
    {
        var village = Village(villageCode);
        await UpsertAsync(village, null, Settings(request), ct);
        return await GetAsync(village, ct);
    }

    public async Task<VillageRulesDto> SetElderAsync(string villageCode, Guid elderId, RuleDto? request, CancellationToken ct)
    {
        var village = Village(villageCode);
        await ElderInAsync(village, elderId, ct);
        await UpsertAsync(village, elderId, Settings(request), ct);
        return await GetAsync(village, ct);
    }

    public async Task<VillageRulesDto> ClearElderAsync(string villageCode, Guid elderId, CancellationToken ct)
    {
        var village = Village(villageCode);
        await db.Set<AlertRule>().Where(r => r.VillageCode == village && r.ElderId == elderId).ExecuteDeleteAsync(ct);
        return await GetAsync(village, ct);
    }

    /// <summary>
    /// Raises a no-activity alert for each elder whose devices have sensed nothing for longer than their rule allows
    /// (outside quiet hours), once per quiet spell: not again while one is open or after one raised since the last activity.
    /// </summary>
    public async Task<int> WatchInactivityAsync(CancellationToken ct)
    {
        await heartbeats.FlushAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var earliest = now.AddHours(-1); // no rule watches fewer hours than one
        // A device counts from its last activity unless a no-activity alert is open for the elder or was raised since
        // then; the elder's last activity is the latest of the devices that still count.
        var alerts = db.Set<Alert>().Where(a => a.Kind == EventType.NoActivity);
        var quiet = await db.Set<Device>().AsNoTracking()
            .Where(d => d.Status == DeviceStatus.Active && d.ElderId != null && Sensing.Contains(d.Type))
            .Where(d => !alerts.Any(a => a.ElderId == d.ElderId && (a.Status != AlertStatus.Resolved || a.RaisedAt >= (d.LastActivityAt ?? d.RegisteredAt))))
            .GroupBy(d => d.ElderId)
            .Select(g => new { ElderId = g.Key!.Value, Last = g.Max(d => d.LastActivityAt ?? d.RegisteredAt) })
            .Where(g => g.Last <= earliest)
            .OrderBy(g => g.Last).Take(WatchBatch).ToListAsync(ct);
        if (quiet.Count == 0)
        {
            return 0;
        }

        var ids = quiet.Select(q => q.ElderId).ToList();
        var devices = (await db.Set<Device>().Where(d => d.ElderId != null && ids.Contains(d.ElderId.Value) && d.Status == DeviceStatus.Active && Sensing.Contains(d.Type))
            .ToListAsync(ct)).GroupBy(d => d.ElderId!.Value).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.LastActivityAt ?? d.RegisteredAt).First());
        var villages = devices.Values.Select(d => d.VillageCode).Distinct().ToList();
        var rules = await db.Set<AlertRule>().AsNoTracking().Where(r => villages.Contains(r.VillageCode)).ToListAsync(ct);
        var raised = new List<Alert>();
        foreach (var q in quiet)
        {
            var device = devices[q.ElderId];
            var rule = AlertRule.For(rules, device.VillageCode, q.ElderId);
            if (rule.Inactive(q.Last, now))
            {
                raised.Add(new Alert(device, EventType.NoActivity, now, rule.InformFamily));
            }
        }

        db.AddRange(raised);
        await db.SaveChangesAsync(ct);
        dispatcher.Post(raised.Select(a => a.Id));
        return raised.Count;
    }

    private async Task UpsertAsync(string village, Guid? elderId, RuleSettings settings, CancellationToken ct)
    {
        var by = actor.AccountId ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var rule = await db.Set<AlertRule>().FirstOrDefaultAsync(r => r.VillageCode == village && r.ElderId == elderId, ct);
        if (rule is null)
        {
            db.Add(new AlertRule(village, elderId, settings, by, now));
        }
        else
        {
            rule.Set(settings, by, now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw DomainException.Conflict("Rule.Concurrent");
        }
    }

    private string Village(string villageCode)
    {
        var village = villageCode?.Trim() ?? "";
        if (RegionCode.LevelOf(village) is not RegionLevel.Village)
        {
            throw new DomainException("Device.Village", ErrorKind.Validation, "villageCode");
        }

        return actor.Covers(village) ? village : throw DomainException.NotFound("Device.VillageOutside");
    }

    private async Task ElderInAsync(string village, Guid elderId, CancellationToken ct)
    {
        var elder = await elders.FindAsync(elderId, ct);
        if (elder is null || elder.VillageCode != village)
        {
            throw DomainException.NotFound("Device.ElderNotFound");
        }
    }

    private static RuleSettings Settings(RuleDto? r)
    {
        if (r is null)
        {
            throw new DomainException("Rule.Missing", ErrorKind.Validation, "body");
        }

        static TimeOnly Time(string? text, string field) =>
            TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                ? t
                : throw new DomainException("Rule.Time", ErrorKind.Validation, field);

        var quietStarts = string.IsNullOrWhiteSpace(r.QuietStarts) ? (TimeOnly?)null : Time(r.QuietStarts, "quietStarts");
        var quietEnds = string.IsNullOrWhiteSpace(r.QuietEnds) ? (TimeOnly?)null : Time(r.QuietEnds, "quietEnds");
        return new RuleSettings(r.DoorAtNight, Time(r.NightStarts, "nightStarts"), Time(r.NightEnds, "nightEnds"), r.InactivityHours, quietStarts, quietEnds, r.InformFamily);
    }
}

/// <summary>Every minute, raises no-activity alerts for elders whose devices have sensed nothing for too long.</summary>
internal sealed class InactivityWatch(IServiceScopeFactory scopes, ILogger<InactivityWatch> logger) : PeriodicJob(scopes, logger, TimeSpan.FromSeconds(45), TimeSpan.FromMinutes(1))
{
    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<RuleHandlers>().WatchInactivityAsync(ct);
}
