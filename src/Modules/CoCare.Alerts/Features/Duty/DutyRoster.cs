using CoCare.Alerts.Domain;
using CoCare.Alerts.Features.Alerts;
using CoCare.Data;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Alerts.Features.Duty;

/// <summary>Someone to put on a village's alert duty roster; times in UTC (the page enters them in Beijing time).</summary>
/// <summary>A roster entry to make; with <see cref="Weeks"/> above 1 the same stretch is rostered that many weeks running.</summary>
public sealed record RosterDuty(string? VillageCode, ResponderKind? Kind, string? AccountId, DateTime? StartsAt, DateTime? EndsAt, int? Weeks = null);

public sealed record DutyShiftDto(Guid Id, string VillageCode, ResponderKind Kind, string AccountId, string AccountName, DateTime StartsAt, DateTime EndsAt,
    string CreatedBy, DateTime CreatedAt)
{
    internal static DutyShiftDto From(DutyShift d) => new(d.Id, d.VillageCode, d.Kind, d.AccountId, d.AccountName, d.StartsAt, d.EndsAt, d.CreatedBy, d.CreatedAt);
}

/// <summary>A person who may be rostered for a rung in a village.</summary>
public sealed record DutyCandidate(string AccountId, string Name);

/// <summary>
/// The alert duty roster of the caller's villages: the village committee rosters its duty person, the provider its care
/// workers and duty manager (the platform's administrator either); each only with accounts of that role in the village.
/// The ladder reads the roster when an alert is raised (<see cref="AlertRouter"/>), and forgets what it kept when it changes.
/// </summary>
public sealed class DutyRoster(AppDbContext db, CurrentActor actor, IDirectory directory, AlertRouter router, TimeProvider clock)
{
    private static readonly Sorting<DutyShift> Sorts = new Sorting<DutyShift>("starts").Add("starts", d => d.StartsAt).Add("kind", d => d.Kind);

    /// <summary>The role an account needs for a rung.</summary>
    public static string RoleFor(ResponderKind kind) => kind == ResponderKind.VillageDuty ? Roles.VillageCommittee : Roles.Provider;

    /// <summary>Entries not yet over (or, with <paramref name="past"/>, those already over, newest first), in the caller's villages or one of them.</summary>
    public async Task<Page<DutyShiftDto>> ListAsync(PageRequest paging, string? villageCode, ResponderKind? kind, bool past, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var now = clock.GetUtcNow().UtcDateTime;
        var q = actor.IsPlatformAdmin ? db.Set<DutyShift>().AsNoTracking() : db.Set<DutyShift>().AsNoTracking().WhereRegionUnder(d => d.VillageCode, actor.ScopePrefixes);
        if (villageCode is { Length: > 0 } village)
        {
            q = q.Where(d => d.VillageCode == village);
        }

        q = kind is null ? q : q.Where(d => d.Kind == kind);
        q = past ? q.Where(d => d.EndsAt <= now) : q.Where(d => d.EndsAt > now);
        var total = await q.CountAsync(ct);
        var sorted = past && paging.Sort is null ? q.OrderByDescending(d => d.EndsAt) : Sorts.Apply(q, paging);
        var rows = await sorted.ThenBy(d => d.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<DutyShiftDto>([.. rows.Select(DutyShiftDto.From)], total, paging.PageNumber, paging.PageSize);
    }

    /// <summary>Who may be rostered for <paramref name="kind"/> in <paramref name="villageCode"/>: active accounts of its role there.</summary>
    public async Task<IReadOnlyList<DutyCandidate>> CandidatesAsync(string? villageCode, ResponderKind? kind, CancellationToken ct)
    {
        var (village, rung) = Check(villageCode, kind);
        return [.. (await directory.AccountsWithRolesAsync([RoleFor(rung)], village, ct)).Select(a => new DutyCandidate(a.Id, a.Name))];
    }

    public async Task<DutyShiftDto> AddAsync(RosterDuty request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (village, kind) = Check(request.VillageCode, request.Kind);
        if (request.StartsAt is not { } starts || request.EndsAt is not { } ends)
        {
            throw new DomainException("Duty.TimesMissing", ErrorKind.Validation, request.StartsAt is null ? "startsAt" : "endsAt");
        }

        var account = (await directory.AccountsWithRolesAsync([RoleFor(kind)], village, ct)).FirstOrDefault(a => a.Id == request.AccountId);
        if (account.Id is null)
        {
            throw new DomainException("Duty.Account", ErrorKind.Validation, "accountId");
        }

        var shifts = DutyShift.RosterWeekly(village, kind, account.Id, account.Name, Utc(starts), Utc(ends), request.Weeks ?? 1,
            actor.UserName ?? actor.AccountId ?? "", clock.GetUtcNow().UtcDateTime);
        db.AddRange(shifts);
        await db.SaveChangesAsync(ct);
        router.Forget(village);
        return DutyShiftDto.From(shifts[0]);
    }

    public async Task RemoveAsync(Guid id, CancellationToken ct)
    {
        var shift = await db.Set<DutyShift>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (shift is null || !actor.Covers(shift.VillageCode))
        {
            throw DomainException.NotFound("Duty.NotFound");
        }

        if (!MayRoster(shift.Kind))
        {
            throw DomainException.Forbidden("Duty.NotYours");
        }

        db.Remove(shift);
        await db.SaveChangesAsync(ct);
        router.Forget(shift.VillageCode);
    }

    /// <summary>The village must be one of the caller's, and the rung one their organization rosters.</summary>
    private (string Village, ResponderKind Kind) Check(string? villageCode, ResponderKind? kind)
    {
        var village = villageCode?.Trim() ?? "";
        if (RegionCode.LevelOf(village) is not RegionLevel.Village)
        {
            throw new DomainException("Duty.Village", ErrorKind.Validation, "villageCode");
        }

        if (kind is not (ResponderKind.Worker or ResponderKind.VillageDuty or ResponderKind.ProviderManager) || !Enum.IsDefined(kind.Value))
        {
            throw new DomainException("Duty.KindInvalid", ErrorKind.Validation, "kind");
        }

        if (!actor.Covers(village))
        {
            throw DomainException.NotFound("Duty.VillageOutside");
        }

        return MayRoster(kind.Value) ? (village, kind.Value) : throw DomainException.Forbidden("Duty.NotYours");
    }

    private bool MayRoster(ResponderKind kind) => actor.IsPlatformAdmin || actor.IsInRole(RoleFor(kind));

    private static DateTime Utc(DateTime at) => at.Kind switch
    {
        DateTimeKind.Utc => at,
        DateTimeKind.Local => at.ToUniversalTime(),
        _ => DateTime.SpecifyKind(at, DateTimeKind.Utc),
    };
}
