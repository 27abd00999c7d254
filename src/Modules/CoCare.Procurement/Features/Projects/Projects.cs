using CoCare.Data;
using CoCare.Kernel;
using CoCare.Procurement.Domain;
using CoCare.Procurement.Domain.Rules;
using CoCare.Procurement.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CoCare.Procurement.Features.Projects;

public sealed record SaveProject(
    string Title,
    Guid PurchaserOrganizationId,
    IReadOnlyList<string>? RegionCodes,
    long BudgetFen,
    FundingSource FundingSource,
    DateOnly StartDate,
    DateOnly EndDate,
    bool RecurringWithAssuredBudget,
    IReadOnlyList<ServiceItem>? Items,
    IReadOnlyList<KpiTarget>? KpiTargets,
    IReadOnlyList<PaymentPhase>? Phases,
    IReadOnlyList<PlannedEvaluation>? Evaluations,
    IReadOnlyList<ReviewCriterion>? ReviewCriteria,
    long Version = 0);

public sealed record ProjectSummary(Guid Id, string Title, Guid PurchaserOrganizationId, string PurchaserName, long BudgetFen, FundingSource FundingSource, DateOnly StartDate, DateOnly EndDate, ProjectStatus Status, DateTime? CallDeadline, long Version);

public sealed record ProjectDto(
    Guid Id,
    string Title,
    Guid PurchaserOrganizationId,
    string PurchaserName,
    IReadOnlyList<string> RegionCodes,
    long BudgetFen,
    FundingSource FundingSource,
    DateOnly StartDate,
    DateOnly EndDate,
    bool RecurringWithAssuredBudget,
    IReadOnlyList<ServiceItem> Items,
    IReadOnlyList<KpiTarget> KpiTargets,
    IReadOnlyList<PaymentPhase> Phases,
    IReadOnlyList<PlannedEvaluation> Evaluations,
    IReadOnlyList<ReviewCriterion> ReviewCriteria,
    ProjectStatus Status,
    string? CallDescription,
    DateTime? CallPublishedAt,
    DateTime? CallDeadline,
    Guid? AwardedApplicationId,
    string? AwardReason,
    DateTime? AwardedAt,
    long Version);

public sealed class SaveProjectValidator : AbstractValidator<SaveProject>
{
    public SaveProjectValidator(IStringLocalizer<ProcurementText> s)
    {
        RuleFor(p => p.Title).NotEmpty().MaximumLength(200).WithName(s["Field.Title"]);
        RuleFor(p => p.PurchaserOrganizationId).NotEmpty().WithName(s["Field.Purchaser"]);
        RuleFor(p => p.RegionCodes).NotEmpty().WithName(s["Field.Regions"]);
        RuleForEach(p => p.RegionCodes).Matches("^[0-9]{12}$").WithMessage(s["Region.Malformed"]);
        RuleFor(p => p.FundingSource).IsInEnum().WithName(s["Field.FundingSource"]);
        RuleForEach(p => p.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.ServiceType).NotEmpty().MaximumLength(50).WithName(s["Field.ServiceType"]);
            item.RuleFor(i => i.Unit).NotEmpty().MaximumLength(20).WithName(s["Field.Unit"]);
            item.RuleFor(i => i.Quantity).GreaterThan(0).WithName(s["Field.Quantity"]);
            item.RuleFor(i => i.UnitPriceFen).GreaterThanOrEqualTo(0).WithName(s["Field.UnitPrice"]);
            item.RuleFor(i => i.Category).IsInEnum();
        });
        RuleForEach(p => p.KpiTargets).ChildRules(kpi =>
        {
            kpi.RuleFor(k => k.Kpi).Must(Kpis.IsKnown).WithMessage(k => string.Format(System.Globalization.CultureInfo.CurrentCulture, s["Kpi.Unknown"], k.Kpi));
            kpi.RuleFor(k => k.Target).GreaterThanOrEqualTo(0).WithName(s["Field.Target"]);
            kpi.RuleFor(k => k.Target).LessThanOrEqualTo(1).When(k => Kpis.IsKnown(k.Kpi) && Kpis.All[k.Kpi] == KpiUnit.Rate).WithMessage(s["Kpi.RateAsFraction"]);
            kpi.RuleFor(k => k.Comparison).IsInEnum();
        });
        RuleForEach(p => p.Phases).ChildRules(phase =>
        {
            phase.RuleFor(x => x.Name).NotEmpty().MaximumLength(100).WithName(s["Field.PhaseName"]);
            phase.RuleFor(x => x.Trigger).IsInEnum();
        });
        RuleForEach(p => p.Evaluations).ChildRules(evaluation =>
        {
            evaluation.RuleFor(x => x.Name).NotEmpty().MaximumLength(100).WithName(s["Field.EvaluationName"]);
            evaluation.RuleFor(x => x.Kind).IsInEnum();
        });
        RuleForEach(p => p.ReviewCriteria).ChildRules(criterion =>
        {
            criterion.RuleFor(x => x.Name).NotEmpty().MaximumLength(100).WithName(s["Field.CriterionName"]);
            criterion.RuleFor(x => x.WeightPercent).InclusiveBetween(1, 100).WithName(s["Field.Weight"]);
        });
    }
}

/// <summary>Use cases on purchase projects: drafts belong to the purchaser's people; anything published is public.</summary>
public sealed class ProjectHandlers(
    AppDbContext db,
    CurrentActor actor,
    IDirectory directory,
    TimeProvider clock,
    IValidator<SaveProject> validator,
    IStringLocalizer<ProcurementText> s)
{
    // "updated" lists the most recently changed first unless desc=true asks for the oldest.
    private static readonly Sorting<PurchaseProject> Sorts = new Sorting<PurchaseProject>("updated")
        .Add("title", p => p.Title).Add("start", p => p.StartDate).Add("updated", p => p.UpdatedAt, newestFirst: true);

    public async Task<Page<ProjectSummary>> ListAsync(PageRequest paging, ProjectStatus? status, CancellationToken ct)
    {
        var q = Visible();
        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(p => EF.Functions.Like(p.Title, like, "\\"));
        }

        if (status is not null)
        {
            q = q.Where(p => p.Status == status);
        }

        var total = await q.CountAsync(ct);
        var projects = await Sorts.Apply(q, paging).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var names = await directory.OrganizationsAsync(projects.Select(p => p.PurchaserOrganizationId), ct);
        var items = projects.Select(p => new ProjectSummary(p.Id, p.Title, p.PurchaserOrganizationId, names.GetValueOrDefault(p.PurchaserOrganizationId)?.Name ?? "",
            p.BudgetFen, p.FundingSource, p.StartDate, p.EndDate, p.Status, p.CallDeadline, p.Version)).ToList();
        return new Page<ProjectSummary>(items, total, paging.PageNumber, paging.PageSize);
    }

    public async Task<ProjectDto> GetAsync(Guid id, CancellationToken ct)
    {
        var project = await Visible().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw DomainException.NotFound("Project.NotFound");
        var purchaser = await directory.FindOrganizationAsync(project.PurchaserOrganizationId, ct);
        return ToDto(project, purchaser?.Name ?? "");
    }

    public async Task<ProjectDto> CreateAsync(SaveProject request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Access.RequirePurchaserOf(actor, request.PurchaserOrganizationId);
        var now = clock.GetUtcNow().UtcDateTime;
        var project = new PurchaseProject(request.PurchaserOrganizationId, now);
        await ApplyAsync(project, request, now, ct);
        db.Add(project);
        await db.SaveChangesAsync(ct);
        return await GetAsync(project.Id, ct);
    }

    public async Task<ProjectDto> UpdateAsync(Guid id, SaveProject request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = await db.Set<PurchaseProject>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw DomainException.NotFound("Project.NotFound");
        Access.RequirePurchaserOf(actor, project.PurchaserOrganizationId);
        if (request.PurchaserOrganizationId != project.PurchaserOrganizationId)
        {
            throw new DomainException("Project.PurchaserFixed", ErrorKind.Validation, "purchaserOrganizationId");
        }

        db.ExpectVersion(project, request.Version);
        await ApplyAsync(project, request, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Publishes the project's call for proposals with a deadline; it then shows on /public/calls.</summary>
    public async Task<ProjectDto> PublishCallAsync(Guid id, PublishCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = await db.Set<PurchaseProject>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw DomainException.NotFound("Project.NotFound");
        Access.RequirePurchaserOf(actor, project.PurchaserOrganizationId);
        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > 4000)
        {
            throw new DomainException("Call.DescriptionRequired", ErrorKind.Validation, "description");
        }

        project.PublishCall(request.Description.Trim(), request.Deadline.ToUniversalTime(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private async Task ApplyAsync(PurchaseProject project, SaveProject request, DateTime now, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        var violations = PurchaseRules.Check(request.BudgetFen, request.StartDate, request.EndDate, request.RecurringWithAssuredBudget,
            request.Items ?? [], request.Phases ?? [], request.Evaluations ?? [], request.ReviewCriteria ?? []).ToList();
        var purchaser = await directory.FindOrganizationAsync(request.PurchaserOrganizationId, ct);
        if (purchaser is null || !purchaser.IsActive)
        {
            violations.Add(new RuleViolation("purchaserOrganizationId", "Project.PurchaserUnknown"));
        }

        var regions = request.RegionCodes ?? [];
        for (var i = 0; i < regions.Count; i++)
        {
            if (RegionCode.IsWellFormed(regions[i]) && !await directory.RegionExistsAsync(regions[i], ct))
            {
                violations.Add(new RuleViolation($"regionCodes[{i}]", "Region.Unknown", regions[i]));
            }
            else if (RegionCode.IsWellFormed(regions[i]) && !actor.Covers(regions[i]))
            {
                throw DomainException.Forbidden("Scope.OutsideRegion");
            }
        }

        Problems.ThrowIfAny(s, validation, violations);
        project.SetTerms(request.Title.Trim(), regions.Distinct(), request.BudgetFen, request.FundingSource, request.StartDate, request.EndDate,
            request.RecurringWithAssuredBudget, request.Items!, request.KpiTargets ?? [], request.Phases!, request.Evaluations ?? [], request.ReviewCriteria ?? [], now);
    }

    private IQueryable<PurchaseProject> Visible()
    {
        var q = db.Set<PurchaseProject>().AsNoTracking();
        if (actor.IsPlatformAdmin)
        {
            return q;
        }

        var own = actor.OrganizationIds.ToList();
        return q.Where(p => p.Status != ProjectStatus.Draft || own.Contains(p.PurchaserOrganizationId));
    }

    internal static ProjectDto ToDto(PurchaseProject p, string purchaserName) => new(
        p.Id, p.Title, p.PurchaserOrganizationId, purchaserName, p.RegionCodes, p.BudgetFen, p.FundingSource, p.StartDate, p.EndDate,
        p.RecurringWithAssuredBudget, p.Items, p.KpiTargets, p.Phases, p.Evaluations, p.ReviewCriteria, p.Status, p.CallDescription,
        p.CallPublishedAt, p.CallDeadline, p.AwardedApplicationId, p.AwardReason, p.AwardedAt, p.Version);
}

public sealed record PublishCall(string Description, DateTime Deadline);
