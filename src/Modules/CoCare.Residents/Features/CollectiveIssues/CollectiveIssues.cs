using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Residents.Features.Elders;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Residents.Features.CollectiveIssues;

public sealed record MergeNeeds(string Title, IReadOnlyList<Guid>? NeedIds, IReadOnlyList<string>? Supporters);

public sealed record SupportIssue(string Name);

public sealed record CollectiveIssueDto(Guid Id, string VillageCode, string Title, IReadOnlyList<Guid> NeedIds, IReadOnlyList<string> Supporters, CollectiveIssueStatus Status, string CreatedBy, DateTime CreatedAt);

/// <summary>Collective issues: a resident organization (or the provider, or the village committee) merges needs of one village.</summary>
public sealed class CollectiveIssueHandlers(AppDbContext db, CurrentActor actor, ElderHandlers elders, TimeProvider clock)
{
    public static readonly string[] Organizers = [Roles.PlatformAdmin, Roles.ResidentOrganization, Roles.Provider, Roles.VillageCommittee];

    public async Task<CollectiveIssueDto> MergeAsync(MergeNeeds request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireOrganizer();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
        {
            throw new DomainException("Issue.TitleRequired", ErrorKind.Validation, "title");
        }

        var ids = (request.NeedIds ?? []).Distinct().ToList();
        if (ids.Count < 2)
        {
            throw new DomainException("Issue.TwoNeeds", ErrorKind.Validation, "needIds");
        }

        var needs = await db.Set<Need>().AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync(ct);
        var villages = new HashSet<string>();
        foreach (var id in ids)
        {
            var need = needs.FirstOrDefault(n => n.Id == id) ?? throw DomainException.NotFound("Need.NotFound");
            Elder elder;
            try
            {
                elder = await elders.FindAsync(need.ElderId, ct);
            }
            catch (DomainException)
            {
                throw DomainException.NotFound("Need.NotFound");
            }

            villages.Add(elder.VillageCode);
        }

        if (villages.Count != 1)
        {
            throw new DomainException("Issue.OneVillage", ErrorKind.Validation, "needIds");
        }

        var issue = new CollectiveIssue(villages.Single(), request.Title.Trim(), ids, actor.PrimaryOrganizationId, actor.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        foreach (var supporter in (request.Supporters ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Take(500))
        {
            issue.Support(supporter.Trim());
        }

        db.Add(issue);
        await db.SaveChangesAsync(ct);
        return ToDto(issue);
    }

    public async Task<IReadOnlyList<CollectiveIssueDto>> ListAsync(CancellationToken ct)
    {
        var q = db.Set<CollectiveIssue>().AsNoTracking();
        if (!actor.IsPlatformAdmin)
        {
            q = q.WhereRegionUnder(i => i.VillageCode, actor.ScopePrefixes);
        }

        var issues = await q.OrderByDescending(i => i.CreatedAt).Take(200).ToListAsync(ct);
        return issues.Select(ToDto).ToList();
    }

    public Task<CollectiveIssueDto> SupportAsync(Guid id, SupportIssue request, CancellationToken ct) =>
        ChangeAsync(id, issue =>
        {
            if (string.IsNullOrWhiteSpace(request?.Name) || request.Name.Length > 50)
            {
                throw new DomainException("Issue.SupporterRequired", ErrorKind.Validation, "name");
            }

            issue.Support(request.Name.Trim());
        }, ct);

    public Task<CollectiveIssueDto> RouteToServiceListAsync(Guid id, CancellationToken ct) => ChangeAsync(id, issue => issue.RouteToServiceList(), ct);

    private async Task<CollectiveIssueDto> ChangeAsync(Guid id, Action<CollectiveIssue> change, CancellationToken ct)
    {
        RequireOrganizer();
        var issue = await db.Set<CollectiveIssue>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null || !actor.Covers(issue.VillageCode))
        {
            throw DomainException.NotFound("Issue.NotFound");
        }

        change(issue);
        await db.SaveChangesAsync(ct);
        return ToDto(issue);
    }

    private void RequireOrganizer()
    {
        if (!Organizers.Any(actor.IsInRole))
        {
            throw DomainException.Forbidden("Issue.OrganizersOnly");
        }
    }

    private static CollectiveIssueDto ToDto(CollectiveIssue i) => new(i.Id, i.VillageCode, i.Title, i.NeedIds, i.Supporters, i.Status, i.CreatedBy, i.CreatedAt);
}
