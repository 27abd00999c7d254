using CoCare.Data;
using CoCare.Kernel;
using CoCare.Network.Domain;
using CoCare.Network.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TaskStatus = CoCare.Network.Domain.TaskStatus;

namespace CoCare.Network.Features;

public sealed record SaveContribution(string RegionCode, Guid? ProjectId, ContributionKind Kind, FundingSource? Source, Guid? ContributorOrganizationId,
    string? ContributorName, DateOnly On, string? Description, Guid? SpaceId, ValuationMethod Method, long? ValueFen, decimal? Hours, long? HourlyWageFen);

public sealed record ContributionDto(Guid Id, string RegionCode, Guid? ProjectId, ContributionKind Kind, FundingSource? Source, Guid? ContributorOrganizationId,
    string ContributorName, DateOnly On, string Description, Guid? SpaceId, ValuationMethod Method, decimal? Hours, long? HourlyWageFen, long ValueFen,
    bool GovernmentFunds)
{
    public static ContributionDto From(Contribution c) =>
        new(c.Id, c.RegionCode, c.ProjectId, c.Kind, c.Source, c.ContributorOrganizationId, c.ContributorName, c.On, c.Description, c.ResourceId, c.Method,
            c.Minutes is { } m ? Math.Round(m / 60m, 2) : null, c.HourlyWageFen, c.ValueFen, c.IsGovernmentFunds);
}

/// <summary>The leverage ratio with the sums behind it; <c>ratio</c> is null while no government money is recorded.</summary>
public sealed record LeverageDto(long GovernmentFen, long NonGovernmentFen, double? Ratio, IReadOnlyDictionary<ContributionKind, long> NonGovernmentByKind, int Contributions);

public sealed record SaveSpace(string RegionCode, string Name, int AreaM2, SpaceState State, string? Use, long? Version);

public sealed record SpaceDto(Guid Id, string RegionCode, string Name, int AreaM2, SpaceState State, string Use, long Version);

public sealed record SaveTask(Guid ProjectId, string RegionCode, string Title, Guid ResponsibleOrganizationId, string? ResponsiblePerson,
    IReadOnlyList<Guid>? SupportingOrganizationIds, DateOnly DueOn, long? Version);

public sealed record ReportTask(TaskStatus Status, string? Evidence, long Version);

public sealed record TaskDto(Guid Id, Guid ProjectId, string RegionCode, string Title, Guid ResponsibleOrganizationId, string ResponsibleOrganization,
    string ResponsiblePerson, IReadOnlyList<string> Supporting, DateOnly DueOn, TaskStatus Status, string Evidence, DateOnly? DoneOn, bool Overdue, long Version);

public sealed record SaveInteraction(string RegionCode, Guid? ProjectId, InteractionKind Kind, DateOnly On, IReadOnlyList<Guid>? OrganizationIds, string? Note);

/// <summary>What generating the list from the contract did: the tasks added now and how many were there already.</summary>
public sealed record GeneratedTasksDto(IReadOnlyList<TaskDto> Added, int AlreadyListed);

public sealed record InteractionDto(Guid Id, string RegionCode, Guid? ProjectId, InteractionKind Kind, DateOnly On, IReadOnlyList<string> Organizations, string Note);

/// <summary>
/// The co-production network: contributions and the leverage ratio, spaces, the responsibility list and partnership
/// interactions. Coordinators of a region (provider, village committee, resident organization, purchaser) record them;
/// everyone whose scope covers the region reads them.
/// </summary>
internal sealed class NetworkHandlers(AppDbContext db, CurrentActor actor, IDirectory directory, IProjectFacts projects, IStringLocalizer<NetworkText> text,
    TimeProvider clock)
{
    private DateOnly Today => ChinaTime.Day(clock.GetUtcNow().UtcDateTime);

    public async Task<ContributionDto> AddContributionAsync(SaveContribution request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await RequireWriterAsync(request.RegionCode, ct);
        if (!Enum.IsDefined(request.Kind) || !Enum.IsDefined(request.Method) || (request.Source is { } s && !Enum.IsDefined(s)))
        {
            throw new DomainException("Contribution.Kind", ErrorKind.Validation, "kind");
        }

        var name = request.ContributorName;
        if (request.ContributorOrganizationId is { } org)
        {
            name ??= (await directory.FindOrganizationAsync(org, ct))?.Name ?? throw new DomainException("Organization.NotFound", ErrorKind.Validation, "contributorOrganizationId");
        }

        if (request.ProjectId is { } projectId)
        {
            await RequireProjectAsync(projectId, request.RegionCode, ct);
        }

        if (request.SpaceId is { } space && !await db.Set<Space>().AnyAsync(x => x.Id == space, ct))
        {
            throw new DomainException("Space.NotFound", ErrorKind.Validation, "spaceId");
        }

        if (request.Hours < 0)
        {
            throw new DomainException("Contribution.Negative", ErrorKind.Validation, "hours");
        }

        long? minutes = request.Hours is { } h ? (long)Math.Round(h * 60m) : null;
        var contribution = new Contribution(request.RegionCode, request.ProjectId, actor.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        contribution.Describe(request.Kind, request.Source, request.ContributorOrganizationId, name ?? "", request.On, request.Description ?? "", request.SpaceId,
            request.Method, request.ValueFen, minutes, request.HourlyWageFen);
        db.Add(contribution);
        await db.SaveChangesAsync(ct);
        return ContributionDto.From(contribution);
    }

    public async Task<Page<ContributionDto>> ListContributionsAsync(Guid? projectId, string? region, PageRequest paging, CancellationToken ct)
    {
        var q = Contributions(projectId, region);
        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(c => EF.Functions.Like(c.ContributorName, like, "\\") || EF.Functions.Like(c.Description, like, "\\"));
        }

        var total = await q.CountAsync(ct);
        var rows = await ContributionSorts.Apply(q, paging).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<ContributionDto>(rows.Select(ContributionDto.From).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    private static readonly Sorting<Contribution> ContributionSorts = new Sorting<Contribution>("on")
        .Add("on", c => c.On, newestFirst: true)
        .Add("value", c => c.ValueFen, newestFirst: true)
        .Add("contributor", c => c.ContributorName);

    /// <summary>The leverage ratio of a project or a region (and its children), from the contribution records.</summary>
    public async Task<LeverageDto> LeverageAsync(Guid? projectId, string? region, CancellationToken ct)
    {
        var rows = await Contributions(projectId, region).ToListAsync(ct);
        var leverage = Leverage.Of(rows);
        return new LeverageDto(leverage.GovernmentFen, leverage.NonGovernmentFen, leverage.Ratio, leverage.NonGovernmentByKind, rows.Count);
    }

    public async Task<SpaceDto> SaveSpaceAsync(Guid? id, SaveSpace request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.State))
        {
            throw new DomainException("Space.State", ErrorKind.Validation, "state");
        }

        Space space;
        if (id is null)
        {
            await RequireWriterAsync(request.RegionCode, ct);
            space = new Space(request.RegionCode);
            db.Add(space);
        }
        else
        {
            space = await db.Set<Space>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw DomainException.NotFound("Space.NotFound");
            await RequireWriterAsync(space.RegionCode, ct);
            db.ExpectVersion(space, request.Version ?? -1);
        }

        space.Describe(request.Name ?? "", request.AreaM2, request.State, request.Use);
        await db.SaveChangesAsync(ct);
        return new SpaceDto(space.Id, space.RegionCode, space.Name, space.AreaM2, space.State, space.Use, space.Version);
    }

    public async Task<IReadOnlyList<SpaceDto>> ListSpacesAsync(string? region, CancellationToken ct)
    {
        var q = Scoped(db.Set<Space>().AsNoTracking(), s => s.RegionCode, region);
        var rows = await q.OrderBy(s => s.Name).Take(500).ToListAsync(ct);
        return rows.Select(s => new SpaceDto(s.Id, s.RegionCode, s.Name, s.AreaM2, s.State, s.Use, s.Version)).ToList();
    }

    public async Task<TaskDto> SaveTaskAsync(Guid? id, SaveTask request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ResponsibilityTask task;
        if (id is null)
        {
            await RequireWriterAsync(request.RegionCode, ct);
            await RequireProjectAsync(request.ProjectId, request.RegionCode, ct);
            task = new ResponsibilityTask(request.ProjectId, request.RegionCode);
            db.Add(task);
        }
        else
        {
            task = await db.Set<ResponsibilityTask>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound("Task.NotFound");
            await RequireWriterAsync(task.RegionCode, ct);
            db.ExpectVersion(task, request.Version ?? -1);
        }

        var parties = new[] { request.ResponsibleOrganizationId }.Concat(request.SupportingOrganizationIds ?? []).Distinct().ToList();
        var known = await directory.OrganizationsAsync(parties, ct);
        if (parties.Any(p => !known.ContainsKey(p)))
        {
            throw new DomainException("Organization.NotFound", ErrorKind.Validation, "responsibleOrganizationId");
        }

        task.Describe(request.Title ?? "", request.ResponsibleOrganizationId, request.ResponsiblePerson, request.SupportingOrganizationIds ?? [], request.DueOn);
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([task], ct))[0];
    }

    /// <summary>
    /// Generates the project's responsibility list from its contract: one task per deliverable (service items and KPI
    /// targets due at the end of the term, evaluations on their dates), the provider responsible and the purchaser
    /// supporting. Deliverables already listed are left as they are (the provider may have edited them), so running
    /// it again after an amendment adds only what is new. The provider or the purchaser of the project may run it.
    /// </summary>
    public async Task<GeneratedTasksDto> GenerateTasksAsync(Guid projectId, CancellationToken ct)
    {
        var project = await projects.FindAsync(projectId, ct) ?? throw DomainException.NotFound("Project.NotFound");
        if (!actor.IsPlatformAdmin && !actor.OrganizationIds.Contains(project.PurchaserOrganizationId)
            && !(project.ProviderOrganizationId is { } own && actor.OrganizationIds.Contains(own)))
        {
            throw DomainException.Forbidden("Task.PartiesOnly");
        }

        if (project.ProviderOrganizationId is not { } provider || project.Deliverables.Count == 0)
        {
            throw DomainException.Conflict("Task.NoContract");
        }

        var region = RegionCode.CommonAncestor(project.RegionCodes) ?? throw DomainException.Conflict("Task.NoContract");
        var listed = await db.Set<ResponsibilityTask>().Where(t => t.ProjectId == projectId && t.SourceKey != null).Select(t => t.SourceKey!).ToListAsync(ct);
        var added = new List<ResponsibilityTask>();
        foreach (var d in project.Deliverables.Where(d => !listed.Contains(d.Key)))
        {
            var task = new ResponsibilityTask(projectId, region, d.Key);
            task.Describe(Title(d), provider, null, [project.PurchaserOrganizationId], d.DueOn);
            db.Add(task);
            added.Add(task);
        }

        await db.SaveChangesAsync(ct);
        return new GeneratedTasksDto(await ToDtosAsync(added, ct), listed.Count);
    }

    private string Title(Deliverable d)
    {
        var title = text["Task.From" + d.Kind, d.Subject, d.Amount].Value.Trim();
        return title.Length <= 200 ? title : title[..200];
    }

    /// <summary>The responsible organization (or a coordinator of the region) reports progress; done needs evidence.</summary>
    public async Task<TaskDto> ReportTaskAsync(Guid id, ReportTask request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = await db.Set<ResponsibilityTask>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound("Task.NotFound");
        if (!actor.OrganizationIds.Contains(task.ResponsibleOrganizationId))
        {
            await RequireWriterAsync(task.RegionCode, ct);
        }

        if (!Enum.IsDefined(request.Status))
        {
            throw new DomainException("Task.Status", ErrorKind.Validation, "status");
        }

        db.ExpectVersion(task, request.Version);
        task.Report(request.Status, request.Evidence, Today);
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([task], ct))[0];
    }

    /// <summary>The responsibility list: by project, by organization (responsible or supporting: "who does what"), overdue only.</summary>
    public async Task<Page<TaskDto>> ListTasksAsync(Guid? projectId, Guid? organizationId, bool overdue, PageRequest paging, CancellationToken ct)
    {
        var q = Scoped(db.Set<ResponsibilityTask>().AsNoTracking(), t => t.RegionCode, null);
        if (projectId is { } p)
        {
            q = q.Where(t => t.ProjectId == p);
        }

        if (overdue)
        {
            var today = Today;
            q = q.Where(t => t.Status != TaskStatus.Done && t.DueOn < today);
        }

        var rows = await q.OrderBy(t => t.DueOn).ThenBy(t => t.Title).ToListAsync(ct);
        if (organizationId is { } org)
        {
            // Supporting organizations are a JSON list: filter after the region and project filters.
            rows = rows.Where(t => t.ResponsibleOrganizationId == org || t.SupportingOrganizationIds.Contains(org)).ToList();
        }

        if (paging.Search is { } search)
        {
            rows = rows.Where(t => t.Title.Contains(search, StringComparison.OrdinalIgnoreCase) || t.ResponsiblePerson.Contains(search, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        var page = rows.Skip(paging.Skip).Take(paging.PageSize).ToList();
        return new Page<TaskDto>(await ToDtosAsync(page, ct), rows.Count, paging.PageNumber, paging.PageSize);
    }

    public async Task<InteractionDto> AddInteractionAsync(SaveInteraction request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await RequireWriterAsync(request.RegionCode, ct);
        if (!Enum.IsDefined(request.Kind))
        {
            throw new DomainException("Interaction.Kind", ErrorKind.Validation, "kind");
        }

        var parties = (request.OrganizationIds ?? []).Distinct().ToList();
        var known = await directory.OrganizationsAsync(parties, ct);
        if (parties.Any(p => !known.ContainsKey(p)))
        {
            throw new DomainException("Organization.NotFound", ErrorKind.Validation, "organizationIds");
        }

        if (request.ProjectId is { } projectId)
        {
            await RequireProjectAsync(projectId, request.RegionCode, ct);
        }

        var interaction = new Interaction(request.RegionCode, actor.UserName ?? "system");
        interaction.Describe(request.Kind, request.On, parties, request.Note, request.ProjectId);
        db.Add(interaction);
        await db.SaveChangesAsync(ct);
        return new InteractionDto(interaction.Id, interaction.RegionCode, interaction.ProjectId, interaction.Kind, interaction.On,
            parties.Select(p => known[p].Name).ToList(), interaction.Note);
    }

    public async Task<Page<InteractionDto>> ListInteractionsAsync(string? region, Guid? organizationId, PageRequest paging, CancellationToken ct)
    {
        var rows = await Scoped(db.Set<Interaction>().AsNoTracking(), i => i.RegionCode, region).OrderByDescending(i => i.On).ThenBy(i => i.Id).ToListAsync(ct);
        if (organizationId is { } org)
        {
            rows = rows.Where(i => i.OrganizationIds.Contains(org)).ToList();
        }

        var page = rows.Skip(paging.Skip).Take(paging.PageSize).ToList();
        var names = await directory.OrganizationsAsync(page.SelectMany(i => i.OrganizationIds).Distinct(), ct);
        return new Page<InteractionDto>(page.Select(i => new InteractionDto(i.Id, i.RegionCode, i.ProjectId, i.Kind, i.On,
            i.OrganizationIds.Select(o => names.TryGetValue(o, out var n) ? n.Name : "?").ToList(), i.Note)).ToList(), rows.Count, paging.PageNumber, paging.PageSize);
    }

    private async Task<List<TaskDto>> ToDtosAsync(IReadOnlyList<ResponsibilityTask> tasks, CancellationToken ct)
    {
        var names = await directory.OrganizationsAsync(tasks.SelectMany(t => t.SupportingOrganizationIds.Append(t.ResponsibleOrganizationId)).Distinct(), ct);
        string Name(Guid id) => names.TryGetValue(id, out var o) ? o.Name : "?";
        return tasks.Select(t => new TaskDto(t.Id, t.ProjectId, t.RegionCode, t.Title, t.ResponsibleOrganizationId, Name(t.ResponsibleOrganizationId), t.ResponsiblePerson,
            t.SupportingOrganizationIds.Select(Name).ToList(), t.DueOn, t.Status, t.Evidence, t.DoneOn, t.IsOverdue(Today), t.Version)).ToList();
    }

    private IQueryable<Contribution> Contributions(Guid? projectId, string? region)
    {
        var q = Scoped(db.Set<Contribution>().AsNoTracking(), c => c.RegionCode, region);
        return projectId is { } p ? q.Where(c => c.ProjectId == p) : q;
    }

    /// <summary>Rows in the caller's regions, narrowed to <paramref name="region"/> and its children when given.</summary>
    private IQueryable<T> Scoped<T>(IQueryable<T> q, System.Linq.Expressions.Expression<Func<T, string>> regionCode, string? region)
    {
        if (!actor.IsPlatformAdmin)
        {
            q = q.WhereRegionUnder(regionCode, actor.ScopePrefixes);
        }

        return region is { Length: > 0 } ? q.WhereRegionUnder(regionCode, RegionCode.Prefixes([region])) : q;
    }

    /// <summary>A record may name a project only when the project exists and <paramref name="regionCode"/> lies in one of its regions.</summary>
    private async Task RequireProjectAsync(Guid projectId, string regionCode, CancellationToken ct)
    {
        var project = await projects.FindAsync(projectId, ct) ?? throw new DomainException("Project.NotFound", ErrorKind.Validation, "projectId");
        if (!project.Covers(regionCode ?? ""))
        {
            throw new DomainException("Project.Region", ErrorKind.Validation, "regionCode");
        }
    }

    private async Task RequireWriterAsync(string regionCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(regionCode) || !await directory.RegionExistsAsync(regionCode, ct))
        {
            throw new DomainException("Region.Unknown", ErrorKind.Validation, "regionCode");
        }

        var writer = actor.IsPlatformAdmin || actor.IsInRole(Roles.Purchaser) || actor.IsInRole(Roles.Provider) || actor.IsInRole(Roles.VillageCommittee)
            || actor.IsInRole(Roles.ResidentOrganization);
        if (!writer || !actor.Covers(regionCode))
        {
            throw DomainException.Forbidden("Network.WritersOnly");
        }
    }
}
