using CoCare.Data;
using CoCare.Kernel;
using CoCare.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Procurement.Features.Contracts;

public enum PhaseStatus
{
    Scheduled,
    Due,
    Met,
    Paid,
}

public sealed record SignatureDto(string? PurchaserSignedBy, DateTime? PurchaserSignedAt, string? ProviderSignedBy, DateTime? ProviderSignedAt);

public sealed record ContractVersionDto(int Number, ContractTerms Terms, string? Reason, DateTime CreatedAt, SignatureDto Signatures, bool InForce);

/// <summary>A payment phase with its share; once paid, the amount paid (as the evaluation's score decided), the date and the reference.</summary>
public sealed record PhaseView(PaymentPhase Phase, long AmountFen, DateOnly? DueDate, PhaseStatus Status, long? PaidFen = null, DateOnly? PaidOn = null, string? Reference = null);

/// <summary>A KPI target beside its actual value; the actual is null until the Insights KPI service computes it.</summary>
public sealed record KpiView(KpiTarget Target, double? Actual);

public sealed record ContractDto(
    Guid Id,
    string Title,
    Guid ProjectId,
    Guid PurchaserOrganizationId,
    string PurchaserName,
    Guid ProviderOrganizationId,
    string ProviderName,
    ContractStatus Status,
    DateTime? DateSigned,
    DateTime? ActivatedAt,
    DateTime? ClosedAt,
    string? CloseReason,
    ContractVersionDto Current,
    ContractVersionDto? PendingAmendment,
    IReadOnlyList<ContractVersionDto> Versions,
    IReadOnlyList<PhaseView> Phases,
    IReadOnlyList<KpiView> Kpis,
    IReadOnlyList<ContractDocument> Documents,
    long Version);

/// <summary>A document behind the contract: the awarded application's attachments.</summary>
public sealed record ContractDocument(Guid ApplicationId, Guid AttachmentId, string FileName, long SizeBytes);

public sealed record ContractSummary(Guid Id, string Title, string PurchaserName, string ProviderName, long AmountFen, DateOnly StartDate, DateOnly EndDate, ContractStatus Status);

public sealed record AmendContract(long? AmountFen, DateOnly? EndDate, IReadOnlyList<KpiTarget>? KpiTargets, string Reason);

public sealed record TerminateContract(string Reason);

/// <summary>Contracts: created from the award, signed by both parties, activated, amended with both signatures, closed.</summary>
public sealed class ContractHandlers(AppDbContext db, CurrentActor actor, IDirectory directory, IContractMoney money, TimeProvider clock)
{
    public async Task<ContractDto> CreateFromAwardAsync(Guid projectId, CancellationToken ct)
    {
        var project = await db.Set<PurchaseProject>().FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw DomainException.NotFound("Project.NotFound");
        Access.RequirePurchaserOf(actor, project.PurchaserOrganizationId);
        if (project.AwardedApplicationId is not { } applicationId)
        {
            throw DomainException.Conflict("Contract.NoAward");
        }

        var application = await db.Set<Application>().AsNoTracking().FirstAsync(a => a.Id == applicationId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var amount = Math.Min(application.TotalFen, project.BudgetFen);
        var terms = new ContractTerms(amount, project.StartDate, project.EndDate, project.Items, project.KpiTargets, project.Phases, project.Evaluations);
        var contract = new Contract(project.Id, applicationId, project.PurchaserOrganizationId, application.ProviderOrganizationId, project.Title, terms, now);
        project.MarkContracted(now);
        db.Add(contract);
        await db.SaveChangesAsync(ct);
        return await GetAsync(contract.Id, ct);
    }

    public async Task<Page<ContractSummary>> ListAsync(PageRequest paging, CancellationToken ct)
    {
        var q = db.Set<Contract>().AsNoTracking();
        if (!Access.IsOverseer(actor))
        {
            var own = actor.OrganizationIds.ToList();
            q = q.Where(c => own.Contains(c.PurchaserOrganizationId) || own.Contains(c.ProviderOrganizationId));
        }

        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(c => EF.Functions.Like(c.Title, like, "\\"));
        }

        var total = await q.CountAsync(ct);
        var contracts = await q.OrderByDescending(c => c.UpdatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var names = await directory.OrganizationsAsync(contracts.SelectMany(c => new[] { c.PurchaserOrganizationId, c.ProviderOrganizationId }), ct);
        var items = contracts.Select(c =>
        {
            var terms = c.Current.Terms;
            return new ContractSummary(c.Id, c.Title, names.GetValueOrDefault(c.PurchaserOrganizationId)?.Name ?? "", names.GetValueOrDefault(c.ProviderOrganizationId)?.Name ?? "",
                terms.AmountFen, terms.StartDate, terms.EndDate, c.Status);
        }).ToList();
        return new Page<ContractSummary>(items, total, paging.PageNumber, paging.PageSize);
    }

    public async Task<ContractDto> GetAsync(Guid id, CancellationToken ct)
    {
        var contract = await db.Set<Contract>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.NotFound("Contract.NotFound");
        if (!IsParty(contract) && !Access.IsOverseer(actor))
        {
            throw DomainException.Forbidden("Contract.NotAParty");
        }

        var names = await directory.OrganizationsAsync([contract.PurchaserOrganizationId, contract.ProviderOrganizationId], ct);
        var signers = await directory.AccountNamesAsync(contract.Versions.SelectMany(v => new[] { v.PurchaserSignedBy, v.ProviderSignedBy }).OfType<string>(), ct);
        ContractVersionDto View(ContractVersion v) => new(v.Number, v.Terms, v.Reason, v.CreatedAt,
            new SignatureDto(Name(v.PurchaserSignedBy), v.PurchaserSignedAt, Name(v.ProviderSignedBy), v.ProviderSignedAt), v.Number == contract.Current.Number);
        string? Name(string? accountId) => accountId is null ? null : signers.GetValueOrDefault(accountId, accountId);

        var current = contract.Current;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var payments = await money.PaymentsAsync(contract.Id, ct);
        var reached = await money.MilestonesAsync(contract.Id, ct);
        var phases = current.Terms.Phases.Select((p, i) =>
        {
            if (payments.FirstOrDefault(x => x.PhaseNumber == i + 1) is { } paid)
            {
                return new PhaseView(p, current.Terms.AmountFen * p.ShareBasisPoints / 10_000, paid.PaidOn, PhaseStatus.Paid, paid.AmountFen, paid.PaidOn, paid.Reference);
            }

            var due = p.Trigger == PhaseTrigger.OnSigning ? contract.DateSigned is { } signed ? DateOnly.FromDateTime(signed) : (DateOnly?)null
                : p.EvaluationNumber is { } n && n <= current.Terms.Evaluations.Count ? current.Terms.Evaluations[n - 1].DueDate : null;
            var status = contract.Status is ContractStatus.Draft or ContractStatus.Terminated ? PhaseStatus.Scheduled
                : p.EvaluationNumber is { } e && reached.Any(m => m.Type == "assessment" && m.Number == e) ? PhaseStatus.Met
                : p.Trigger == PhaseTrigger.OnSigning || (due is { } d && d <= today) ? PhaseStatus.Due : PhaseStatus.Scheduled;
            return new PhaseView(p, current.Terms.AmountFen * p.ShareBasisPoints / 10_000, due, status);
        }).ToList();

        return new ContractDto(contract.Id, contract.Title, contract.ProjectId,
            contract.PurchaserOrganizationId, names.GetValueOrDefault(contract.PurchaserOrganizationId)?.Name ?? "",
            contract.ProviderOrganizationId, names.GetValueOrDefault(contract.ProviderOrganizationId)?.Name ?? "",
            contract.Status, contract.DateSigned, contract.ActivatedAt, contract.ClosedAt, contract.CloseReason,
            View(current), contract.PendingAmendment is { } pending ? View(pending) : null,
            contract.Versions.OrderBy(v => v.Number).Select(View).ToList(), phases,
            current.Terms.KpiTargets.Select(k => new KpiView(k, null)).ToList(),
            await db.Set<Attachment>().AsNoTracking().Where(a => a.ApplicationId == contract.ApplicationId).OrderBy(a => a.UploadedAt)
                .Select(a => new ContractDocument(a.ApplicationId, a.Id, a.FileName, a.SizeBytes)).ToListAsync(ct),
            contract.Version);
    }

    /// <summary>The caller signs for the side it belongs to: the original contract while a draft, else the pending amendment.</summary>
    public async Task<ContractDto> SignAsync(Guid id, CancellationToken ct)
    {
        var contract = await LoadAsync(id, ct);
        contract.Sign(SideOf(contract) ?? throw DomainException.Forbidden("Contract.NotAParty"), actor.AccountId!, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<ContractDto> ActivateAsync(Guid id, CancellationToken ct)
    {
        var contract = await LoadAsync(id, ct);
        RequirePurchaserSide(contract);
        contract.Activate(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<ContractDto> CompleteAsync(Guid id, CancellationToken ct)
    {
        var contract = await LoadAsync(id, ct);
        RequirePurchaserSide(contract);
        contract.Complete(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<ContractDto> TerminateAsync(Guid id, TerminateContract request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await LoadAsync(id, ct);
        RequirePurchaserSide(contract);
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            throw new DomainException("Contract.ReasonRequired", ErrorKind.Validation, "reason");
        }

        contract.Terminate(request.Reason.Trim(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Either party proposes new amount, end date or KPI targets with a reason; both must sign it.</summary>
    public async Task<ContractDto> AmendAsync(Guid id, AmendContract request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await LoadAsync(id, ct);
        _ = SideOf(contract) ?? throw DomainException.Forbidden("Contract.NotAParty");
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            throw new DomainException("Contract.ReasonRequired", ErrorKind.Validation, "reason");
        }

        var terms = contract.Current.Terms;
        if (request.AmountFen is <= 0)
        {
            throw new DomainException("Project.BudgetNotPositive", ErrorKind.Validation, "amountFen");
        }

        var endDate = request.EndDate ?? terms.EndDate;
        if (endDate <= terms.StartDate)
        {
            throw new DomainException("Project.EndBeforeStart", ErrorKind.Validation, "endDate");
        }

        // An amendment may not stretch the contract past the legal term (财政部令第102号).
        var recurring = await db.Set<PurchaseProject>().Where(p => p.Id == contract.ProjectId).Select(p => p.RecurringWithAssuredBudget).FirstAsync(ct);
        if (endDate > terms.StartDate.AddYears(Domain.Rules.PurchaseRules.MaxTermYears(recurring)))
        {
            throw new DomainException(recurring ? "Project.TermOverThreeYears" : "Project.TermOverOneYear", ErrorKind.Validation, "endDate");
        }

        if (request.KpiTargets?.FirstOrDefault(k => !Kpis.IsKnown(k.Kpi)) is { } unknown)
        {
            throw new DomainException("Kpi.Unknown", ErrorKind.Validation, "kpiTargets", unknown.Kpi);
        }

        var amended = terms with { AmountFen = request.AmountFen ?? terms.AmountFen, EndDate = endDate, KpiTargets = request.KpiTargets ?? terms.KpiTargets };
        var version = contract.Amend(amended, request.Reason.Trim(), clock.GetUtcNow().UtcDateTime);
        db.Add(version);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private async Task<Contract> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<Contract>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.NotFound("Contract.NotFound");

    private bool IsParty(Contract c) => actor.OrganizationIds.Contains(c.PurchaserOrganizationId) || actor.OrganizationIds.Contains(c.ProviderOrganizationId) || actor.IsPlatformAdmin;

    /// <summary>Signing is personal: only a member of one of the two parties, in that party's role, signs for it.</summary>
    private ContractSide? SideOf(Contract c) =>
        actor.HasRoleIn(Roles.Purchaser, c.PurchaserOrganizationId) ? ContractSide.Purchaser
        : actor.HasRoleIn(Roles.Provider, c.ProviderOrganizationId) ? ContractSide.Provider
        : null;

    private void RequirePurchaserSide(Contract c)
    {
        if (SideOf(c) != ContractSide.Purchaser)
        {
            throw DomainException.Forbidden("Procurement.NotPurchaser");
        }
    }
}
