using CoCare.Kernel;

namespace CoCare.Network.Domain;

public enum TaskStatus
{
    Planned,
    InProgress,
    Done,
    Blocked,
}

/// <summary>
/// One line of a project's responsibility list (责任清单): what, who is responsible (organization and person), who
/// supports, by when, the state and the evidence. Overdue: not done and past its due date.
/// </summary>
public sealed class ResponsibilityTask : Entity
{
    private ResponsibilityTask()
    {
    }

    public ResponsibilityTask(Guid projectId, string regionCode, string? sourceKey = null)
    {
        ProjectId = projectId;
        RegionCode = regionCode;
        SourceKey = sourceKey;
    }

    public Guid ProjectId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>The contract deliverable the task was generated from (unique per project), null for a task added by hand.</summary>
    public string? SourceKey { get; private set; }

    public Guid ResponsibleOrganizationId { get; private set; }

    public string ResponsiblePerson { get; private set; } = "";

    public List<Guid> SupportingOrganizationIds { get; private set; } = [];

    public DateOnly DueOn { get; private set; }

    public TaskStatus Status { get; private set; }

    public string Evidence { get; private set; } = "";

    public DateOnly? DoneOn { get; private set; }

    public bool IsOverdue(DateOnly today) => Status != TaskStatus.Done && DueOn < today;

    public void Describe(string title, Guid responsibleOrganizationId, string? responsiblePerson, IReadOnlyList<Guid> supporting, DateOnly dueOn)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
        {
            throw new DomainException("Task.Title", ErrorKind.Validation, "title");
        }

        if (responsiblePerson is { Length: > 50 })
        {
            throw new DomainException("Task.Person", ErrorKind.Validation, "responsiblePerson");
        }

        Title = title.Trim();
        ResponsibleOrganizationId = responsibleOrganizationId;
        ResponsiblePerson = (responsiblePerson ?? "").Trim();
        SupportingOrganizationIds = supporting.Where(id => id != responsibleOrganizationId).Distinct().ToList();
        DueOn = dueOn;
    }

    /// <summary>Moves the task on; done needs evidence (what shows it was done).</summary>
    public void Report(TaskStatus status, string? evidence, DateOnly today)
    {
        var text = (evidence ?? "").Trim();
        if (text.Length > 1000)
        {
            throw new DomainException("Task.Evidence", ErrorKind.Validation, "evidence");
        }

        if (status == TaskStatus.Done && text.Length == 0)
        {
            throw new DomainException("Task.EvidenceRequired", ErrorKind.Validation, "evidence");
        }

        Status = status;
        Evidence = text;
        DoneOn = status == TaskStatus.Done ? DoneOn ?? today : null;
    }
}

public enum InteractionKind
{
    JointVisit,
    Training,
    KnowledgeSharing,
    JointMeeting,
}

/// <summary>A partnership interaction between organizations (the raw material of the cooperation view in Insights).</summary>
public sealed class Interaction : Entity
{
    private Interaction()
    {
    }

    public Interaction(string regionCode, string recordedBy)
    {
        RegionCode = regionCode;
        RecordedBy = recordedBy;
    }

    public string RegionCode { get; private set; } = "";

    public Guid? ProjectId { get; private set; }

    public InteractionKind Kind { get; private set; }

    public DateOnly On { get; private set; }

    public List<Guid> OrganizationIds { get; private set; } = [];

    public string Note { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    /// <summary>An interaction is between at least two organizations.</summary>
    public void Describe(InteractionKind kind, DateOnly on, IReadOnlyList<Guid> organizationIds, string? note, Guid? projectId)
    {
        var parties = organizationIds.Distinct().ToList();
        if (parties.Count < 2)
        {
            throw new DomainException("Interaction.Parties", ErrorKind.Validation, "organizationIds");
        }

        if (note is { Length: > 1000 })
        {
            throw new DomainException("Interaction.Note", ErrorKind.Validation, "note");
        }

        Kind = kind;
        On = on;
        OrganizationIds = parties;
        Note = (note ?? "").Trim();
        ProjectId = projectId;
    }
}
