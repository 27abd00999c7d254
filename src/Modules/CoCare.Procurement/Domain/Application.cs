using CoCare.Kernel;

namespace CoCare.Procurement.Domain;

public enum ApplicationStatus
{
    Submitted,
    Withdrawn,
    Awarded,
    NotAwarded,
}

/// <summary>A line of the proposed budget.</summary>
public sealed record BudgetLine(string Item, long AmountFen);

/// <summary>A provider's proposal (项目申报书) for a project: editable until the call's deadline, or withdrawn.</summary>
public sealed class Application : Entity
{
    private Application()
    {
    }

    public Application(Guid projectId, Guid providerOrganizationId, DateTime submittedAt)
    {
        ProjectId = projectId;
        ProviderOrganizationId = providerOrganizationId;
        SubmittedAt = submittedAt;
        UpdatedAt = submittedAt;
    }

    public Guid ProjectId { get; private set; }

    public Guid ProviderOrganizationId { get; private set; }

    public string Approach { get; private set; } = "";

    public string Team { get; private set; } = "";

    public List<BudgetLine> BudgetLines { get; private set; } = [];

    public ApplicationStatus Status { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public List<Attachment> Attachments { get; private set; } = [];

    public long TotalFen => BudgetLines.Sum(l => l.AmountFen);

    public void Write(string approach, string team, IEnumerable<BudgetLine> budget, DateTime now)
    {
        if (Status != ApplicationStatus.Submitted)
        {
            throw DomainException.Conflict("Application.Closed");
        }

        Approach = approach;
        Team = team;
        BudgetLines = [.. budget];
        UpdatedAt = now;
    }

    public void Withdraw(DateTime now)
    {
        if (Status != ApplicationStatus.Submitted)
        {
            throw DomainException.Conflict("Application.Closed");
        }

        Status = ApplicationStatus.Withdrawn;
        UpdatedAt = now;
    }

    public void Decide(bool awarded, DateTime now)
    {
        if (Status == ApplicationStatus.Submitted)
        {
            Status = awarded ? ApplicationStatus.Awarded : ApplicationStatus.NotAwarded;
            UpdatedAt = now;
        }
    }
}

/// <summary>A file attached to an application, stored on disk under a generated name.</summary>
public sealed class Attachment : Entity
{
    private Attachment()
    {
    }

    public Attachment(Guid applicationId, string fileName, string contentType, long sizeBytes, string storedName, DateTime uploadedAt)
    {
        ApplicationId = applicationId;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StoredName = storedName;
        UploadedAt = uploadedAt;
    }

    public Guid ApplicationId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long SizeBytes { get; private set; }

    public string StoredName { get; private set; } = "";

    public DateTime UploadedAt { get; private set; }
}

/// <summary>One reviewer's scores for one application, one per review criterion (0..100).</summary>
public sealed class ApplicationReview : Entity
{
    private ApplicationReview()
    {
    }

    public ApplicationReview(Guid applicationId, string reviewerAccountId, string reviewerName)
    {
        ApplicationId = applicationId;
        ReviewerAccountId = reviewerAccountId;
        ReviewerName = reviewerName;
    }

    public Guid ApplicationId { get; private set; }

    public string ReviewerAccountId { get; private set; } = "";

    public string ReviewerName { get; private set; } = "";

    public List<int> Scores { get; private set; } = [];

    public string? Comment { get; private set; }

    public DateTime ScoredAt { get; private set; }

    public void Score(IEnumerable<int> scores, string? comment, DateTime now)
    {
        Scores = [.. scores];
        Comment = comment;
        ScoredAt = now;
    }
}
