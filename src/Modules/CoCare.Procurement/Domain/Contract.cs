using CoCare.Kernel;

namespace CoCare.Procurement.Domain;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Signed is the domain's word for the state.")]
public enum ContractStatus
{
    Draft,
    Signed,
    Active,
    Completed,
    Terminated,
}

public enum ContractSide
{
    Purchaser,
    Provider,
}

/// <summary>What a contract version fixes: amount, period, what is delivered, how it is measured, how it is paid.</summary>
public sealed record ContractTerms(
    long AmountFen,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<ServiceItem> Items,
    IReadOnlyList<KpiTarget> KpiTargets,
    IReadOnlyList<PaymentPhase> Phases,
    IReadOnlyList<PlannedEvaluation> Evaluations);

/// <summary>
/// A purchase contract (购买服务合同) between the purchaser and the awarded provider, created from the award.
/// Workflow: Draft → Signed (both sides signed) → Active → Completed | Terminated. Terms are versioned: version 1
/// is the original; an amendment is a new version that takes effect when both sides have signed it.
/// </summary>
public sealed class Contract : Entity
{
    private Contract()
    {
    }

    public Contract(Guid projectId, Guid applicationId, Guid purchaserOrganizationId, Guid providerOrganizationId, string title, ContractTerms terms, DateTime now)
    {
        ProjectId = projectId;
        ApplicationId = applicationId;
        PurchaserOrganizationId = purchaserOrganizationId;
        ProviderOrganizationId = providerOrganizationId;
        Title = title;
        CreatedAt = now;
        UpdatedAt = now;
        Versions.Add(new ContractVersion(Id, 1, terms, null, now));
    }

    public Guid ProjectId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid PurchaserOrganizationId { get; private set; }

    public Guid ProviderOrganizationId { get; private set; }

    public string Title { get; private set; } = "";

    public ContractStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? DateSigned { get; private set; }

    public DateTime? ActivatedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public string? CloseReason { get; private set; }

    public List<ContractVersion> Versions { get; private set; } = [];

    /// <summary>The terms in force: the newest version both sides have signed (the original while it is a draft).</summary>
    public ContractVersion Current => Versions.Where(v => v.IsSignedByBoth).MaxBy(v => v.Number) ?? Versions.Single(v => v.Number == 1);

    public ContractVersion? PendingAmendment => Versions.FirstOrDefault(v => v.Number > 1 && !v.IsSignedByBoth);

    /// <summary>One side signs the original contract (while Draft) or the pending amendment.</summary>
    public ContractVersion Sign(ContractSide side, string accountId, DateTime now)
    {
        var version = Status == ContractStatus.Draft ? Versions.Single(v => v.Number == 1) : PendingAmendment
            ?? throw DomainException.Conflict(Status is ContractStatus.Completed or ContractStatus.Terminated ? "Contract.Closed" : "Contract.NothingToSign");
        version.Sign(side, accountId, now);
        if (Status == ContractStatus.Draft && version.IsSignedByBoth)
        {
            Status = ContractStatus.Signed;
            DateSigned = now;
        }

        UpdatedAt = now;
        return version;
    }

    public void Activate(DateTime now)
    {
        if (Status != ContractStatus.Signed)
        {
            throw DomainException.Conflict(Status == ContractStatus.Draft ? "Contract.NotSigned" : "Contract.IllegalMove", null, Status.ToString(), nameof(ContractStatus.Active));
        }

        Status = ContractStatus.Active;
        ActivatedAt = now;
        UpdatedAt = now;
    }

    public void Complete(DateTime now)
    {
        if (Status != ContractStatus.Active)
        {
            throw DomainException.Conflict("Contract.IllegalMove", null, Status.ToString(), nameof(ContractStatus.Completed));
        }

        Status = ContractStatus.Completed;
        ClosedAt = now;
        UpdatedAt = now;
    }

    public void Terminate(string reason, DateTime now)
    {
        if (Status is ContractStatus.Completed or ContractStatus.Terminated)
        {
            throw DomainException.Conflict("Contract.IllegalMove", null, Status.ToString(), nameof(ContractStatus.Terminated));
        }

        Status = ContractStatus.Terminated;
        CloseReason = reason;
        ClosedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Proposes new terms with a reason; they take effect when both sides sign.</summary>
    public ContractVersion Amend(ContractTerms terms, string reason, DateTime now)
    {
        if (Status is not (ContractStatus.Signed or ContractStatus.Active))
        {
            throw DomainException.Conflict("Contract.CannotAmend");
        }

        if (PendingAmendment is not null)
        {
            throw DomainException.Conflict("Contract.AmendmentPending");
        }

        var version = new ContractVersion(Id, Versions.Max(v => v.Number) + 1, terms, reason, now);
        Versions.Add(version);
        UpdatedAt = now;
        return version;
    }
}

/// <summary>One version of a contract's terms with both sides' signatures (an account and a time each).</summary>
public sealed class ContractVersion : Entity
{
    private ContractVersion()
    {
    }

    public ContractVersion(Guid contractId, int number, ContractTerms terms, string? reason, DateTime createdAt)
    {
        ContractId = contractId;
        Number = number;
        Terms = terms;
        Reason = reason;
        CreatedAt = createdAt;
    }

    public Guid ContractId { get; private set; }

    public int Number { get; private set; }

    public ContractTerms Terms { get; private set; } = default!;

    public string? Reason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string? PurchaserSignedBy { get; private set; }

    public DateTime? PurchaserSignedAt { get; private set; }

    public string? ProviderSignedBy { get; private set; }

    public DateTime? ProviderSignedAt { get; private set; }

    public bool IsSignedByBoth => PurchaserSignedAt is not null && ProviderSignedAt is not null;

    public void Sign(ContractSide side, string accountId, DateTime now)
    {
        if (side == ContractSide.Purchaser)
        {
            if (PurchaserSignedAt is not null)
            {
                throw DomainException.Conflict("Contract.AlreadySigned");
            }

            PurchaserSignedBy = accountId;
            PurchaserSignedAt = now;
        }
        else
        {
            if (ProviderSignedAt is not null)
            {
                throw DomainException.Conflict("Contract.AlreadySigned");
            }

            ProviderSignedBy = accountId;
            ProviderSignedAt = now;
        }
    }
}
