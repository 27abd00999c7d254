using CoCare.Data;
using CoCare.Kernel;
using CoCare.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Volunteers.Features.Profiles;

/// <summary>Implements <see cref="IVolunteerFacts"/> for other modules (Services assigns orders to volunteers by skill and village).</summary>
internal sealed class VolunteerFactsSource(AppDbContext db) : IVolunteerFacts
{
    private static readonly IReadOnlyList<string> Codes = Enum.GetNames<Skill>();

    public IReadOnlyList<string> SkillCodes => Codes;

    public async Task<IReadOnlyDictionary<string, VolunteerFacts>> ByAccountsAsync(IEnumerable<string> accountIds, CancellationToken ct)
    {
        var ids = accountIds.Distinct().ToList();
        var rows = await db.Set<Volunteer>().AsNoTracking().Where(v => v.IsActive && v.AccountId != null && ids.Contains(v.AccountId)).ToListAsync(ct);
        return rows.GroupBy(v => v.AccountId!).ToDictionary(g => g.Key, g => ToFacts(g.OrderBy(v => v.JoinedOn).First()));
    }

    public async Task<IReadOnlyList<VolunteerFacts>> ServingAsync(string regionCode, CancellationToken ct)
    {
        if (RegionCode.LevelOf(regionCode) is not { } level)
        {
            return [];
        }

        // Volunteers in the region's subtree, or whose (higher) region covers it.
        var prefix = RegionCode.Prefix(regionCode, level);
        var covering = RegionCode.Ancestors(regionCode);
        var rows = await db.Set<Volunteer>().AsNoTracking()
            .Where(v => v.IsActive && v.AccountId != null && (v.RegionCode.StartsWith(prefix) || covering.Contains(v.RegionCode)))
            .OrderBy(v => v.Name).Take(500).ToListAsync(ct);
        return rows.Select(ToFacts).ToList();
    }

    public async Task<IReadOnlyList<ShiftDuty>> OnShiftAsync(string regionCode, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        if (RegionCode.LevelOf(regionCode) is not { } level || toUtc <= fromUtc)
        {
            return [];
        }

        var prefix = RegionCode.Prefix(regionCode, level);
        return await (from signup in db.Set<Signup>().AsNoTracking()
                      join shift in db.Set<Shift>().AsNoTracking() on signup.ShiftId equals shift.Id
                      join volunteer in db.Set<Volunteer>().AsNoTracking() on signup.VolunteerId equals volunteer.Id
                      where signup.Status == SignupStatus.Booked && !shift.IsCancelled && shift.RegionCode.StartsWith(prefix)
                          && signup.StartsAt < toUtc && signup.EndsAt > fromUtc
                      orderby signup.StartsAt, signup.VolunteerName
                      select new ShiftDuty(volunteer.Id, volunteer.Name, volunteer.AccountId, shift.Id, shift.Title, shift.Place, shift.RegionCode, signup.StartsAt, signup.EndsAt))
            .Take(500).ToListAsync(ct);
    }

    private static VolunteerFacts ToFacts(Volunteer v) => new(v.Id, v.AccountId!, v.Name, v.RegionCode, v.Skills.Select(s => s.ToString()).ToList());
}
