using CoCare.Kernel;

namespace CoCare.Residents.Domain;

public enum FrequencyPeriod
{
    Day,
    Week,
    Month,
}

public enum ServiceListStatus
{
    Proposed,
    Approved,
    Returned,
}

/// <summary>
/// An item of the service list (服务清单): a service answering recorded needs — its type, the elders it serves, how
/// often, the responsible organization. The provider proposes it; the village committee approves it or returns it
/// with a reason; a returned item may be revised and proposed again.
/// </summary>
public sealed class ServiceListItem : Entity
{
    private ServiceListItem()
    {
    }

    public ServiceListItem(string villageCode, Guid responsibleOrganizationId, string createdBy, DateTime now)
    {
        VillageCode = villageCode;
        ResponsibleOrganizationId = responsibleOrganizationId;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public string VillageCode { get; private set; } = "";

    public NeedCategory ServiceType { get; private set; }

    public string Title { get; private set; } = "";

    public int TimesPerPeriod { get; private set; }

    public FrequencyPeriod Period { get; private set; }

    public Guid ResponsibleOrganizationId { get; private set; }

    public List<Guid> NeedIds { get; private set; } = [];

    public List<Guid> ElderIds { get; private set; } = [];

    public Guid? CollectiveIssueId { get; private set; }

    public ServiceListStatus Status { get; private set; }

    public string? ReviewNote { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>Sets what the item offers; only while it is not approved.</summary>
    public void Describe(NeedCategory serviceType, string title, int timesPerPeriod, FrequencyPeriod period, IEnumerable<Guid> needIds, IEnumerable<Guid> elderIds, Guid? collectiveIssueId)
    {
        if (Status == ServiceListStatus.Approved)
        {
            throw DomainException.Conflict("ServiceList.AlreadyApproved");
        }

        if (timesPerPeriod is < 1 or > 31)
        {
            throw new DomainException("ServiceList.Frequency", ErrorKind.Validation, "timesPerPeriod");
        }

        ServiceType = serviceType;
        Title = title;
        TimesPerPeriod = timesPerPeriod;
        Period = period;
        NeedIds = [.. needIds.Distinct()];
        ElderIds = [.. elderIds.Distinct()];
        CollectiveIssueId = collectiveIssueId;
        Status = ServiceListStatus.Proposed;
        ReviewNote = null;
    }

    public void Approve(string reviewer, string? note, DateTime now) => Review(ServiceListStatus.Approved, reviewer, note, now);

    public void Return(string reviewer, string reason, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("ServiceList.ReasonRequired", ErrorKind.Validation, "note");
        }

        Review(ServiceListStatus.Returned, reviewer, reason, now);
    }

    private void Review(ServiceListStatus outcome, string reviewer, string? note, DateTime now)
    {
        if (Status != ServiceListStatus.Proposed)
        {
            throw DomainException.Conflict("ServiceList.NotProposed");
        }

        Status = outcome;
        ReviewedBy = reviewer;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ReviewedAt = now;
    }
}

/// <summary>One household planned for a home visit in a week, and who is to go (by name, as visits record them).</summary>
public sealed class VisitPlanEntry : Entity
{
    private VisitPlanEntry()
    {
    }

    public VisitPlanEntry(string villageCode, DateOnly weekStart, Guid elderId, IEnumerable<string> visitors, string plannedBy, DateTime now)
    {
        if (weekStart.DayOfWeek != DayOfWeek.Monday)
        {
            throw new DomainException("Plan.WeekStartsMonday", ErrorKind.Validation, "weekStart");
        }

        VillageCode = villageCode;
        WeekStart = weekStart;
        ElderId = elderId;
        PlannedBy = plannedBy;
        PlannedAt = now;
        AssignVisitors(visitors);
    }

    public string VillageCode { get; private set; } = "";

    public DateOnly WeekStart { get; private set; }

    public Guid ElderId { get; private set; }

    public List<string> Visitors { get; private set; } = [];

    public string PlannedBy { get; private set; } = "";

    public DateTime PlannedAt { get; private set; }

    public void AssignVisitors(IEnumerable<string> visitors)
    {
        var names = visitors.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0 || names.Count > 5 || names.Any(n => n.Length > 50))
        {
            throw new DomainException("Plan.Visitors", ErrorKind.Validation, "visitors");
        }

        Visitors = names;
    }

    /// <summary>The Monday of the week that contains <paramref name="day"/>.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
