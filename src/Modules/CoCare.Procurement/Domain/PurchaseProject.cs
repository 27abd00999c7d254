using CoCare.Kernel;

namespace CoCare.Procurement.Domain;

public enum ProjectStatus
{
    Draft,
    CallPublished,
    Awarded,
    Contracted,
    Cancelled,
}

/// <summary>
/// A government purchase of services (购买服务项目) with its terms, its call for proposals and, once decided,
/// its award. Terms can change only while the project is a draft; the call and the award move it forward.
/// </summary>
public sealed class PurchaseProject : Entity
{
    private PurchaseProject()
    {
    }

    public PurchaseProject(Guid purchaserOrganizationId, DateTime createdAt)
    {
        PurchaserOrganizationId = purchaserOrganizationId;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public string Title { get; private set; } = "";

    public Guid PurchaserOrganizationId { get; private set; }

    public List<string> RegionCodes { get; private set; } = [];

    public long BudgetFen { get; private set; }

    public FundingSource FundingSource { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public bool RecurringWithAssuredBudget { get; private set; }

    public List<ServiceItem> Items { get; private set; } = [];

    public List<KpiTarget> KpiTargets { get; private set; } = [];

    public List<PaymentPhase> Phases { get; private set; } = [];

    public List<PlannedEvaluation> Evaluations { get; private set; } = [];

    public List<ReviewCriterion> ReviewCriteria { get; private set; } = [];

    public ProjectStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Last change of any kind; the OCDS feed reports releases changed since a date.</summary>
    public DateTime UpdatedAt { get; private set; }

    public string? CallDescription { get; private set; }

    public DateTime? CallPublishedAt { get; private set; }

    public DateTime? CallDeadline { get; private set; }

    public Guid? AwardedApplicationId { get; private set; }

    public string? AwardReason { get; private set; }

    public DateTime? AwardedAt { get; private set; }

    public string? AwardedBy { get; private set; }

    public Money Budget => new(BudgetFen);

    public void SetTerms(
        string title,
        IEnumerable<string> regionCodes,
        long budgetFen,
        FundingSource fundingSource,
        DateOnly startDate,
        DateOnly endDate,
        bool recurringWithAssuredBudget,
        IEnumerable<ServiceItem> items,
        IEnumerable<KpiTarget> kpiTargets,
        IEnumerable<PaymentPhase> phases,
        IEnumerable<PlannedEvaluation> evaluations,
        IEnumerable<ReviewCriterion> reviewCriteria,
        DateTime now)
    {
        if (Status != ProjectStatus.Draft)
        {
            throw DomainException.Conflict("Project.NotDraft");
        }

        Title = title;
        RegionCodes = [.. regionCodes];
        BudgetFen = budgetFen;
        FundingSource = fundingSource;
        StartDate = startDate;
        EndDate = endDate;
        RecurringWithAssuredBudget = recurringWithAssuredBudget;
        Items = [.. items];
        KpiTargets = [.. kpiTargets];
        Phases = [.. phases];
        Evaluations = [.. evaluations];
        ReviewCriteria = [.. reviewCriteria];
        UpdatedAt = now;
    }

    /// <summary>Publishes the call for proposals; the deadline must lie in the future.</summary>
    public void PublishCall(string description, DateTime deadline, DateTime now)
    {
        if (Status != ProjectStatus.Draft)
        {
            throw DomainException.Conflict("Project.NotDraft");
        }

        if (deadline <= now)
        {
            throw new DomainException("Call.DeadlinePassed", ErrorKind.Validation, "deadline");
        }

        if (ReviewCriteria.Count == 0)
        {
            throw new DomainException("Call.NoCriteria", ErrorKind.Validation, "reviewCriteria");
        }

        CallDescription = description;
        CallDeadline = deadline;
        CallPublishedAt = now;
        Status = ProjectStatus.CallPublished;
        UpdatedAt = now;
    }

    public bool AcceptsApplications(DateTime now) => Status == ProjectStatus.CallPublished && now <= CallDeadline;

    /// <summary>Awards the project to one application after the deadline, with a recorded reason.</summary>
    public void Award(Guid applicationId, string reason, string awardedBy, DateTime now)
    {
        if (Status != ProjectStatus.CallPublished)
        {
            throw DomainException.Conflict(Status == ProjectStatus.Draft ? "Call.NotPublished" : "Award.AlreadyAwarded");
        }

        if (now <= CallDeadline)
        {
            throw DomainException.Conflict("Award.BeforeDeadline");
        }

        AwardedApplicationId = applicationId;
        AwardReason = reason;
        AwardedAt = now;
        AwardedBy = awardedBy;
        Status = ProjectStatus.Awarded;
        UpdatedAt = now;
    }

    public void MarkContracted(DateTime now)
    {
        if (Status != ProjectStatus.Awarded)
        {
            throw DomainException.Conflict("Contract.NoAward");
        }

        Status = ProjectStatus.Contracted;
        UpdatedAt = now;
    }

    public void Touch(DateTime now) => UpdatedAt = now;
}
