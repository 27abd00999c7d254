using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Services.Features.Orders;

/// <summary>Someone who may be given an order: staff in scope, or a volunteer of the village with their skills.</summary>
public sealed record CandidateDto(string AccountId, string Name, bool IsStaff, IReadOnlyList<string> Skills);

/// <summary>
/// Applies <see cref="AssignmentRule"/> with the facts it needs: the staff of the provider and the village committee
/// from the Directory (a membership whose scope holds the village) and volunteers from the Volunteers module.
/// One place for it, used by assignment, route planning and the list of candidates the coordinator picks from.
/// </summary>
internal sealed class Assignees(AppDbContext db, IDirectory directory, IVolunteerFacts volunteers)
{
    private static readonly string[] StaffRoles = [Roles.Provider, Roles.VillageCommittee];

    /// <summary>Who may take an order of <paramref name="serviceTypeCode"/> in <paramref name="villageCode"/>: staff first, then volunteers with the skill.</summary>
    public async Task<IReadOnlyList<CandidateDto>> ForAsync(string villageCode, string serviceTypeCode, CancellationToken ct)
    {
        var type = await db.Set<ServiceType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == serviceTypeCode, ct);
        return Able(await InAsync(villageCode, ct), type?.VolunteerSkill);
    }

    /// <summary>Of the people of a region, those who may take a service asking <paramref name="volunteerSkill"/> of volunteers.</summary>
    public static IReadOnlyList<CandidateDto> Able(IReadOnlyList<CandidateDto> people, string? volunteerSkill) =>
        people.Where(c => c.IsStaff || (volunteerSkill is { } skill && c.Skills.Contains(skill, StringComparer.Ordinal))).ToList();

    /// <summary>Everyone who may take some work in <paramref name="regionCode"/>: its staff and the volunteers serving it.</summary>
    public async Task<IReadOnlyList<CandidateDto>> InAsync(string regionCode, CancellationToken ct)
    {
        var staff = await directory.AccountsWithRolesAsync(StaffRoles, regionCode, ct);
        var serving = await volunteers.ServingAsync(regionCode, ct);
        var names = await directory.AccountNamesAsync(serving.Select(v => v.AccountId), ct);
        var staffIds = staff.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return staff.Select(s => new CandidateDto(s.Id, s.Name, true, []))
            .Concat(serving.Where(v => !staffIds.Contains(v.AccountId) && names.ContainsKey(v.AccountId)).Select(v => new CandidateDto(v.AccountId, names[v.AccountId], false, v.Skills)))
            .ToList();
    }

    /// <summary>The rule's answer for each of <paramref name="accountIds"/> and each order (null: may take it), and the accounts' names.</summary>
    public async Task<(Func<string, ServiceOrder, DomainException?> Refusal, IReadOnlyDictionary<string, string> Names)> RuleAsync(IReadOnlyCollection<string> accountIds, IReadOnlyCollection<ServiceOrder> orders, CancellationToken ct)
    {
        var names = await directory.AccountNamesAsync(accountIds, ct);
        var profiles = await volunteers.ByAccountsAsync(accountIds, ct);
        var codes = orders.Select(o => o.ServiceTypeCode).Distinct().ToList();
        var types = await db.Set<ServiceType>().AsNoTracking().Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, ct);
        var staff = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var village in orders.Select(o => o.VillageCode).Distinct())
        {
            staff[village] = (await directory.AccountsWithRolesAsync(StaffRoles, village, ct)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        }

        return ((accountId, order) => names.TryGetValue(accountId, out var name)
            ? AssignmentRule.Refusal(types[order.ServiceTypeCode], types[order.ServiceTypeCode].DisplayName(), order.VillageCode, name, staff[order.VillageCode].Contains(accountId),
                profiles.GetValueOrDefault(accountId))
            : new DomainException("Order.WorkerUnknown", ErrorKind.Validation, "workerId"), names);
    }

    /// <summary>Throws the first refusal when <paramref name="accountId"/> may not take every one of <paramref name="orders"/>; returns their name.</summary>
    public async Task<string> RequireAsync(string accountId, IReadOnlyCollection<ServiceOrder> orders, CancellationToken ct)
    {
        var (refusal, names) = await RuleAsync([accountId], orders, ct);
        if (orders.Select(o => refusal(accountId, o)).FirstOrDefault(r => r is not null) is { } refused)
        {
            throw refused;
        }

        return names.TryGetValue(accountId, out var name) ? name : throw new DomainException("Order.WorkerUnknown", ErrorKind.Validation, "workerId");
    }
}
