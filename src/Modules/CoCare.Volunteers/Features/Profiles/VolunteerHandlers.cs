using CoCare.Data;
using CoCare.Kernel;
using CoCare.Volunteers.Domain;
using CoCare.Volunteers.Features.TimeBank;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Volunteers.Features.Profiles;

/// <summary>A volunteer's profile. <see cref="AccountId"/> links the account the volunteer signs in with (optional: many elders' neighbours have none).</summary>
public sealed record SaveVolunteer(string Name, string RegionCode, string? AccountId, IReadOnlyList<Skill>? Skills, IReadOnlyList<DayOfWeek>? Availability,
    bool ShowOnHonourBoard, bool? IsActive, long? Version);

public sealed record VolunteerDto(Guid Id, string Name, string RegionCode, bool HasAccount, IReadOnlyList<Skill> Skills, IReadOnlyList<DayOfWeek> Availability,
    bool ShowOnHonourBoard, DateOnly JoinedOn, bool IsActive, IReadOnlyList<string> Teams, Guid? TimeAccountId, decimal Balance, long Version);

public sealed record SaveTeam(string Name, string RegionCode, Guid? LeaderId, IReadOnlyList<Guid>? MemberIds, long? Version);

public sealed record TeamDto(Guid Id, string Name, string RegionCode, Guid? LeaderId, string? LeaderName, IReadOnlyList<Guid> MemberIds, int Members,
    Guid? TimeAccountId, long Version);

/// <summary>Volunteer profiles and teams, kept by coordinators of the region; each volunteer and team gets a time-bank account.</summary>
internal sealed class VolunteerHandlers(AppDbContext db, CurrentActor actor, IDirectory directory, TimeLedger ledger, TimeProvider clock)
{
    private static readonly Sorting<Volunteer> Sorts = new Sorting<Volunteer>("name")
        .Add("name", v => v.Name)
        .Add("joined", v => v.JoinedOn, newestFirst: true);

    public async Task<VolunteerDto> SaveAsync(Guid? id, SaveVolunteer request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = (request.Name ?? "").Trim();
        if (name.Length is 0 or > 50)
        {
            throw new DomainException("Volunteer.Name", ErrorKind.Validation, "name");
        }

        if (string.IsNullOrWhiteSpace(request.RegionCode) || !await directory.RegionExistsAsync(request.RegionCode, ct))
        {
            throw new DomainException("Region.Unknown", ErrorKind.Validation, "regionCode");
        }

        Coordinators.Require(actor, request.RegionCode);
        var accountId = string.IsNullOrWhiteSpace(request.AccountId) ? null : request.AccountId.Trim();
        if (accountId is not null && (await directory.AccountNamesAsync([accountId], ct)).Count == 0)
        {
            throw new DomainException("Volunteer.AccountUnknown", ErrorKind.Validation, "accountId");
        }

        Volunteer volunteer;
        if (id is null)
        {
            if (accountId is not null && await db.Set<Volunteer>().AnyAsync(v => v.AccountId == accountId, ct))
            {
                throw DomainException.Conflict("Volunteer.AccountTaken", "accountId");
            }

            volunteer = new Volunteer(name, request.RegionCode, accountId, ChinaTime.Day(clock.GetUtcNow().UtcDateTime));
            db.Add(volunteer);
        }
        else
        {
            volunteer = await db.Set<Volunteer>().FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw DomainException.NotFound("Volunteer.NotFound");
            Coordinators.Require(actor, volunteer.RegionCode);
            db.ExpectVersion(volunteer, request.Version ?? -1);
        }

        var days = (request.Availability ?? []).Aggregate(Weekdays.None, (all, d) => all | DayFlag(d));
        volunteer.Describe(name, request.Skills ?? [], days, request.ShowOnHonourBoard, request.IsActive ?? true);
        await ledger.AccountOfAsync(AccountKind.Person, volunteer.Id, name, volunteer.RegionCode, ct);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(volunteer, ct);
    }

    public async Task<Page<VolunteerDto>> ListAsync(Skill? skill, PageRequest paging, CancellationToken ct)
    {
        var q = db.Set<Volunteer>().AsNoTracking();
        if (!actor.IsPlatformAdmin)
        {
            q = q.WhereRegionUnder(v => v.RegionCode, Coordinators.IsCoordinator(actor) ? actor.ScopePrefixes : []);
        }

        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(v => EF.Functions.Like(v.Name, like, "\\"));
        }

        // Skills are a JSON list: filter in memory after the region filter (a village has tens of volunteers, not thousands).
        var rows = await Sorts.Apply(q, paging).ThenBy(v => v.Id).ToListAsync(ct);
        if (skill is { } wanted)
        {
            rows = rows.Where(v => v.Skills.Contains(wanted)).ToList();
        }

        var page = rows.Skip(paging.Skip).Take(paging.PageSize).ToList();
        var dtos = new List<VolunteerDto>();
        foreach (var v in page)
        {
            dtos.Add(await ToDtoAsync(v, ct));
        }

        return new Page<VolunteerDto>(dtos, rows.Count, paging.PageNumber, paging.PageSize);
    }

    public async Task<VolunteerDto> GetAsync(Guid id, CancellationToken ct)
    {
        var volunteer = await db.Set<Volunteer>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw DomainException.NotFound("Volunteer.NotFound");
        if (!(Coordinators.IsCoordinator(actor) && actor.Covers(volunteer.RegionCode)) && volunteer.AccountId != actor.AccountId)
        {
            throw DomainException.NotFound("Volunteer.NotFound");
        }

        return await ToDtoAsync(volunteer, ct);
    }

    public async Task<VolunteerDto> MeAsync(CancellationToken ct)
    {
        var me = actor.AccountId ?? "";
        var volunteer = await db.Set<Volunteer>().AsNoTracking().FirstOrDefaultAsync(v => v.AccountId == me, ct) ?? throw DomainException.NotFound("Volunteer.NoProfile");
        return await ToDtoAsync(volunteer, ct);
    }

    public async Task<TeamDto> SaveTeamAsync(Guid? id, SaveTeam request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = (request.Name ?? "").Trim();
        if (name.Length is 0 or > 60)
        {
            throw new DomainException("Team.Name", ErrorKind.Validation, "name");
        }

        if (string.IsNullOrWhiteSpace(request.RegionCode) || !await directory.RegionExistsAsync(request.RegionCode, ct))
        {
            throw new DomainException("Region.Unknown", ErrorKind.Validation, "regionCode");
        }

        Coordinators.Require(actor, request.RegionCode);
        Team team;
        if (id is null)
        {
            team = new Team(name, request.RegionCode);
            db.Add(team);
        }
        else
        {
            team = await db.Set<Team>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound("Team.NotFound");
            Coordinators.Require(actor, team.RegionCode);
            db.ExpectVersion(team, request.Version ?? -1);
            team.Rename(name);
        }

        var members = (request.MemberIds ?? []).Concat(request.LeaderId is { } l ? [l] : []).Distinct().ToList();
        var known = await db.Set<Volunteer>().AsNoTracking().Where(v => members.Contains(v.Id)).Select(v => new { v.Id, v.RegionCode }).ToListAsync(ct);
        if (known.Count != members.Count || known.Any(v => !actor.Covers(v.RegionCode)))
        {
            throw new DomainException("Team.MemberUnknown", ErrorKind.Validation, "memberIds");
        }

        foreach (var gone in team.MemberIds.Except(members).ToList())
        {
            team.Leave(gone);
        }

        members.ForEach(team.Join);
        if (request.LeaderId is { } leader)
        {
            team.Lead(leader);
        }

        await ledger.AccountOfAsync(AccountKind.Team, team.Id, name, team.RegionCode, ct);
        await db.SaveChangesAsync(ct);
        return await TeamDtoAsync(team, ct);
    }

    public async Task<IReadOnlyList<TeamDto>> ListTeamsAsync(CancellationToken ct)
    {
        var q = db.Set<Team>().AsNoTracking();
        if (!actor.IsPlatformAdmin)
        {
            q = q.WhereRegionUnder(t => t.RegionCode, actor.ScopePrefixes);
        }

        var teams = await q.OrderBy(t => t.Name).Take(200).ToListAsync(ct);
        var dtos = new List<TeamDto>();
        foreach (var t in teams)
        {
            dtos.Add(await TeamDtoAsync(t, ct));
        }

        return dtos;
    }

    private async Task<TeamDto> TeamDtoAsync(Team t, CancellationToken ct)
    {
        var leader = t.LeaderId is { } id ? await db.Set<Volunteer>().AsNoTracking().Where(v => v.Id == id).Select(v => v.Name).FirstOrDefaultAsync(ct) : null;
        var account = await db.Set<TimeAccount>().AsNoTracking().Where(a => a.Kind == AccountKind.Team && a.OwnerId == t.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct)
            ?? db.Set<TimeAccount>().Local.FirstOrDefault(a => a.Kind == AccountKind.Team && a.OwnerId == t.Id)?.Id;
        return new TeamDto(t.Id, t.Name, t.RegionCode, t.LeaderId, leader, t.MemberIds, t.MemberIds.Count, account, t.Version);
    }

    private async Task<VolunteerDto> ToDtoAsync(Volunteer v, CancellationToken ct)
    {
        var account = await db.Set<TimeAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.Kind == AccountKind.Person && a.OwnerId == v.Id, ct);
        var teams = await db.Set<Team>().AsNoTracking().Where(t => t.RegionCode == v.RegionCode || v.RegionCode.StartsWith(t.RegionCode)).ToListAsync(ct);
        return new VolunteerDto(v.Id, v.Name, v.RegionCode, v.AccountId is not null, v.Skills, Days(v.Availability), v.ShowOnHonourBoard, v.JoinedOn, v.IsActive,
            teams.Where(t => t.MemberIds.Contains(v.Id)).Select(t => t.Name).ToList(), account?.Id, Hours.FromMinutes(account?.Balance ?? 0), v.Version);
    }

    private static Weekdays DayFlag(DayOfWeek day) => day == DayOfWeek.Sunday ? Weekdays.Sunday : (Weekdays)(1 << ((int)day - 1));

    private static List<DayOfWeek> Days(Weekdays days) => Enum.GetValues<DayOfWeek>().Where(d => days.HasFlag(DayFlag(d))).OrderBy(d => ((int)d + 6) % 7).ToList();
}
