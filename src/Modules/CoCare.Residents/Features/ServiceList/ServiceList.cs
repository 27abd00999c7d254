using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Residents.Features.Elders;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Residents.Features.ServiceList;

public sealed record SaveServiceListItem(
    NeedCategory ServiceType,
    string Title,
    int TimesPerPeriod,
    FrequencyPeriod Period,
    IReadOnlyList<Guid>? NeedIds,
    IReadOnlyList<Guid>? ElderIds,
    Guid? CollectiveIssueId,
    Guid? ResponsibleOrganizationId,
    long Version = 0);

public sealed record ReviewServiceListItem(string? Note);

public sealed record ServiceListItemDto(Guid Id, string VillageCode, NeedCategory ServiceType, string Title, int TimesPerPeriod, FrequencyPeriod Period,
    Guid ResponsibleOrganizationId, string ResponsibleOrganization, IReadOnlyList<Guid> NeedIds, IReadOnlyList<Guid> ElderIds, IReadOnlyList<string> ElderNames,
    Guid? CollectiveIssueId, ServiceListStatus Status, string? ReviewNote, string? ReviewedBy, DateTime? ReviewedAt, string CreatedBy, DateTime CreatedAt, long Version);

/// <summary>
/// The service list: a provider proposes items that answer recorded needs of one village; the village committee
/// approves (the needs become Planned) or returns them with a reason.
/// </summary>
public sealed class ServiceListHandlers(AppDbContext db, CurrentActor actor, ElderHandlers elders, IDirectory directory, TimeProvider clock)
{
    private static readonly Sorting<ServiceListItem> Sorts = new Sorting<ServiceListItem>("created")
        .Add("created", i => i.CreatedAt, newestFirst: true).Add("title", i => i.Title).Add("status", i => i.Status);

    public async Task<ServiceListItemDto> ProposeAsync(SaveServiceListItem request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organization = ResponsibleOrganization(request.ResponsibleOrganizationId);
        var (village, needIds, elderIds) = await ResolveAsync(request, ct);
        var item = new ServiceListItem(village, organization, actor.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        item.Describe(request.ServiceType, Title(request.Title), request.TimesPerPeriod, request.Period, needIds, elderIds, request.CollectiveIssueId);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([item], ct))[0];
    }

    /// <summary>Revise a proposed or returned item (it goes back to the committee as proposed).</summary>
    public async Task<ServiceListItemDto> ReviseAsync(Guid id, SaveServiceListItem request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = await FindAsync(id, ct);
        if (!actor.IsPlatformAdmin && !actor.HasRoleIn(Roles.Provider, item.ResponsibleOrganizationId))
        {
            throw DomainException.Forbidden("ServiceList.ProvidersOnly");
        }

        db.ExpectVersion(item, request.Version);
        var (village, needIds, elderIds) = await ResolveAsync(request, ct);
        if (village != item.VillageCode)
        {
            throw new DomainException("ServiceList.OneVillage", ErrorKind.Validation, "needIds");
        }

        item.Describe(request.ServiceType, Title(request.Title), request.TimesPerPeriod, request.Period, needIds, elderIds, request.CollectiveIssueId);
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([item], ct))[0];
    }

    public async Task<ServiceListItemDto> ApproveAsync(Guid id, ReviewServiceListItem request, CancellationToken ct)
    {
        var item = await FindAsync(id, ct);
        RequireReviewer();
        var now = clock.GetUtcNow().UtcDateTime;
        item.Approve(actor.UserName ?? "system", request?.Note, now);
        var needs = await db.Set<Need>().Where(n => item.NeedIds.Contains(n.Id) && n.Status == NeedStatus.Open).ToListAsync(ct);
        foreach (var need in needs)
        {
            need.Plan(now);
        }

        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([item], ct))[0];
    }

    public async Task<ServiceListItemDto> ReturnAsync(Guid id, ReviewServiceListItem request, CancellationToken ct)
    {
        var item = await FindAsync(id, ct);
        RequireReviewer();
        item.Return(actor.UserName ?? "system", request?.Note ?? "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([item], ct))[0];
    }

    public async Task<ServiceListItemDto> GetAsync(Guid id, CancellationToken ct) => (await ToDtosAsync([await FindAsync(id, ct)], ct))[0];

    public async Task<Page<ServiceListItemDto>> ListAsync(PageRequest paging, ServiceListStatus? status, string? villageCode, CancellationToken ct)
    {
        var q = db.Set<ServiceListItem>().AsNoTracking();
        if (!actor.IsPlatformAdmin)
        {
            q = q.WhereRegionUnder(i => i.VillageCode, actor.ScopePrefixes);
        }

        if (status is not null)
        {
            q = q.Where(i => i.Status == status);
        }

        if (villageCode is not null)
        {
            q = q.Where(i => i.VillageCode == villageCode);
        }

        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(i => EF.Functions.Like(i.Title, like, "\\"));
        }

        var total = await q.CountAsync(ct);
        var items = await Sorts.Apply(q, paging).ThenBy(i => i.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<ServiceListItemDto>(await ToDtosAsync(items, ct), total, paging.PageNumber, paging.PageSize);
    }

    private Guid ResponsibleOrganization(Guid? requested)
    {
        var providerOrgs = actor.OrganizationsWithRole(Roles.Provider);
        if (requested is { } org)
        {
            return actor.IsPlatformAdmin || providerOrgs.Contains(org) ? org : throw DomainException.Forbidden("ServiceList.ProvidersOnly");
        }

        return providerOrgs.Count > 0 ? providerOrgs[0]
            : actor.IsPlatformAdmin ? throw new DomainException("ServiceList.OrganizationRequired", ErrorKind.Validation, "responsibleOrganizationId")
            : throw DomainException.Forbidden("ServiceList.ProvidersOnly");
    }

    /// <summary>The needs (and a collective issue's needs) must be open, of elders in the caller's regions, all of one village.</summary>
    private async Task<(string Village, List<Guid> NeedIds, List<Guid> ElderIds)> ResolveAsync(SaveServiceListItem request, CancellationToken ct)
    {
        var needIds = (request.NeedIds ?? []).ToList();
        if (request.CollectiveIssueId is { } issueId)
        {
            var issue = await db.Set<CollectiveIssue>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == issueId, ct);
            if (issue is null || !actor.Covers(issue.VillageCode))
            {
                throw DomainException.NotFound("Issue.NotFound");
            }

            needIds.AddRange(issue.NeedIds);
        }

        needIds = needIds.Distinct().ToList();
        if (needIds.Count == 0)
        {
            throw new DomainException("ServiceList.NeedsRequired", ErrorKind.Validation, "needIds");
        }

        var needs = await db.Set<Need>().AsNoTracking().Where(n => needIds.Contains(n.Id)).ToListAsync(ct);
        var villages = new HashSet<string>(StringComparer.Ordinal);
        var elderIds = new List<Guid>();
        foreach (var id in needIds)
        {
            var need = needs.FirstOrDefault(n => n.Id == id) ?? throw DomainException.NotFound("Need.NotFound");
            var elder = await FindElderAsync(need.ElderId, "Need.NotFound", ct);
            if (need.IsClosed)
            {
                throw new DomainException("ServiceList.NeedClosed", ErrorKind.Validation, "needIds");
            }

            villages.Add(elder.VillageCode);
            elderIds.Add(elder.Id);
        }

        foreach (var id in request.ElderIds ?? [])
        {
            villages.Add((await FindElderAsync(id, "Elder.NotFound", ct)).VillageCode);
            elderIds.Add(id);
        }

        return villages.Count == 1 ? (villages.Single(), needIds, elderIds.Distinct().ToList())
            : throw new DomainException("ServiceList.OneVillage", ErrorKind.Validation, "needIds");
    }

    private async Task<Elder> FindElderAsync(Guid id, string notFound, CancellationToken ct)
    {
        try
        {
            return await elders.FindAsync(id, ct);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw DomainException.NotFound(notFound);
        }
    }

    private static string Title(string? title) =>
        string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200 ? throw new DomainException("ServiceList.TitleRequired", ErrorKind.Validation, "title") : title.Trim();

    /// <summary>The village committee reviews (its regions are already checked when the item is found); an administrator may too.</summary>
    private void RequireReviewer()
    {
        if (!actor.IsPlatformAdmin && !actor.IsInRole(Roles.VillageCommittee))
        {
            throw DomainException.Forbidden("ServiceList.CommitteeReviews");
        }
    }

    private async Task<ServiceListItem> FindAsync(Guid id, CancellationToken ct)
    {
        var item = await db.Set<ServiceListItem>().FirstOrDefaultAsync(i => i.Id == id, ct);
        return item is not null && actor.Covers(item.VillageCode) ? item : throw DomainException.NotFound("ServiceList.NotFound");
    }

    private async Task<List<ServiceListItemDto>> ToDtosAsync(IReadOnlyList<ServiceListItem> items, CancellationToken ct)
    {
        var elderIds = items.SelectMany(i => i.ElderIds).Distinct().ToList();
        var names = await db.Set<Elder>().AsNoTracking().Where(e => elderIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var organizations = await directory.OrganizationsAsync(items.Select(i => i.ResponsibleOrganizationId), ct);
        return items.Select(i => new ServiceListItemDto(i.Id, i.VillageCode, i.ServiceType, i.Title, i.TimesPerPeriod, i.Period, i.ResponsibleOrganizationId,
            organizations.GetValueOrDefault(i.ResponsibleOrganizationId)?.Name ?? "", i.NeedIds, i.ElderIds, i.ElderIds.Select(e => names.GetValueOrDefault(e, "")).ToList(),
            i.CollectiveIssueId, i.Status, i.ReviewNote, i.ReviewedBy, i.ReviewedAt, i.CreatedBy, i.CreatedAt, i.Version)).ToList();
    }
}
