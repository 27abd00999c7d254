using CoCare.Data;
using CoCare.Kernel;
using CoCare.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Volunteers.Features.Recognition;

/// <summary>One line of a village's honour board: only volunteers who agreed to be shown appear on it.</summary>
public sealed record HonourRow(int Rank, string Name, IReadOnlyList<string> Teams, decimal Hours, int Meals, int MonthsActive);

public sealed record HonourBoard(string RegionCode, string RegionName, DateOnly From, DateOnly To, IReadOnlyList<HonourRow> Rows);

/// <summary>What a volunteer's certificate states, for the volunteer and the coordinators of the village.</summary>
public sealed record Certificate(Guid VolunteerId, string Name, string RegionName, IReadOnlyList<string> Teams, DateOnly JoinedOn, DateOnly From, DateOnly To,
    decimal Hours, int Meals, int MonthsActive, int Shifts, DateOnly IssuedOn);

/// <summary>
/// Recognition (光荣榜 and certificates) from confirmed attendance: hours are the confirmed minutes, meals the ones the
/// coordinator confirmed as delivered, months active the months with at least one confirmed shift (Beijing time).
/// </summary>
public sealed class RecognitionHandlers(AppDbContext db, CurrentActor actor, IDirectory directory, TimeProvider clock)
{
    /// <summary>The most volunteers a board lists.</summary>
    public const int BoardSize = 50;

    private DateOnly Today => ChinaTime.Day(clock.GetUtcNow().UtcDateTime);

    /// <summary>The honour board of a region (usually a village) for a calendar year or the last twelve months; public, as it shows only consenting volunteers.</summary>
    public async Task<HonourBoard> BoardAsync(string? regionCode, int? year, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(regionCode) || !await directory.RegionExistsAsync(regionCode, ct))
        {
            throw new DomainException("Region.Unknown", ErrorKind.Validation, "region");
        }

        var period = PeriodOf(year);
        var prefix = RegionCode.Prefixes([regionCode])[0];
        var shown = await db.Set<Volunteer>().AsNoTracking()
            .Where(v => v.ShowOnHonourBoard && v.RegionCode.StartsWith(prefix))
            .Select(v => new { v.Id, v.Name })
            .ToListAsync(ct);
        var months = await MonthsAsync(shown.Select(v => v.Id).ToList(), period, ct);
        var teams = await TeamsAsync(prefix, ct);
        var ranked = shown
            .Select(v => (v.Name, v.Id, Standing: Standing.Of(months.GetValueOrDefault(v.Id, []))))
            .Where(x => x.Standing.Shifts > 0)
            .OrderBy(x => x.Standing, Comparer<Standing>.Create(Standing.Compare)).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(BoardSize)
            .Select((x, i) => new HonourRow(i + 1, x.Name, TeamsOf(teams, x.Id), x.Standing.Hours, x.Standing.Meals, x.Standing.MonthsActive))
            .ToList();
        return new HonourBoard(regionCode, await RegionNameAsync(regionCode, ct), period.From, period.To, ranked);
    }

    /// <summary>The regions whose honour board has someone on it (volunteers who agreed to be shown), by code; public.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> BoardRegionsAsync(CancellationToken ct)
    {
        var codes = await db.Set<Volunteer>().AsNoTracking().Where(v => v.ShowOnHonourBoard).Select(v => v.RegionCode).Distinct().OrderBy(c => c).Take(200).ToListAsync(ct);
        if (codes.Count == 0)
        {
            return [];
        }

        var names = (await directory.RegionsUnderAsync(codes, 1000, ct)).ToDictionary(r => r.Code, r => r.Name);
        return codes.Select(c => (c, names.GetValueOrDefault(c, c))).ToList();
    }

    /// <summary>A volunteer's certificate: the volunteer may print their own; coordinators of the village theirs. It does not depend on board consent.</summary>
    public async Task<Certificate> CertificateAsync(Guid volunteerId, int? year, CancellationToken ct)
    {
        var volunteer = await db.Set<Volunteer>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == volunteerId, ct) ?? throw DomainException.NotFound("Volunteer.NotFound");
        var own = actor.AccountId is { } me && volunteer.AccountId == me;
        if (!own)
        {
            Coordinators.Require(actor, volunteer.RegionCode);
        }

        var period = PeriodOf(year);
        var months = await MonthsAsync([volunteer.Id], period, ct);
        var standing = Standing.Of(months.GetValueOrDefault(volunteer.Id, []));
        var teams = await TeamsAsync(RegionCode.Prefixes([volunteer.RegionCode])[0], ct);
        return new Certificate(volunteer.Id, volunteer.Name, await RegionNameAsync(volunteer.RegionCode, ct), TeamsOf(teams, volunteer.Id), volunteer.JoinedOn,
            period.From, period.To, standing.Hours, standing.Meals, standing.MonthsActive, standing.Shifts, Today);
    }

    private Period PeriodOf(int? year)
    {
        if (year is { } y && (y < 2000 || y > Today.Year))
        {
            throw new DomainException("Recognition.Year", ErrorKind.Validation, "year", Today.Year);
        }

        return Period.For(year, Today);
    }

    /// <summary>Confirmed attendance per volunteer and month (Beijing time), summed in the database.</summary>
    private async Task<Dictionary<Guid, List<ServiceMonth>>> MonthsAsync(IReadOnlyList<Guid> volunteerIds, Period period, CancellationToken ct)
    {
        var from = ChinaTime.Utc(period.From, TimeOnly.MinValue);
        var to = ChinaTime.Utc(period.To.AddDays(1), TimeOnly.MinValue);
        var rows = new List<(Guid Id, ServiceMonth Month)>();
        foreach (var chunk in volunteerIds.Chunk(500))
        {
            var part = await db.Set<Signup>().AsNoTracking()
                .Where(s => chunk.Contains(s.VolunteerId) && s.StartsAt >= from && s.StartsAt < to && s.ConfirmedMinutes != null)
                .GroupBy(s => new { s.VolunteerId, s.StartsAt.AddHours(8).Year, s.StartsAt.AddHours(8).Month })
                .Select(g => new { g.Key.VolunteerId, g.Key.Year, g.Key.Month, Minutes = g.Sum(s => s.ConfirmedMinutes ?? 0), Meals = g.Sum(s => s.MealsDelivered ?? 0), Shifts = g.Count() })
                .ToListAsync(ct);
            rows.AddRange(part.Select(p => (p.VolunteerId, new ServiceMonth(p.Year, p.Month, p.Minutes, p.Meals, p.Shifts))));
        }

        return rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Select(r => r.Month).ToList());
    }

    private async Task<List<Team>> TeamsAsync(string prefix, CancellationToken ct) =>
        await db.Set<Team>().AsNoTracking().Where(t => t.RegionCode.StartsWith(prefix)).OrderBy(t => t.Name).Take(200).ToListAsync(ct);

    private static List<string> TeamsOf(List<Team> teams, Guid volunteerId) => teams.Where(t => t.MemberIds.Contains(volunteerId)).Select(t => t.Name).ToList();

    private async Task<string> RegionNameAsync(string code, CancellationToken ct) =>
        (await directory.RegionsUnderAsync([code], 1, ct)).FirstOrDefault(r => r.Code == code).Name ?? code;
}
