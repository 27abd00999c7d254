using CoCare.Kernel;

namespace CoCare.Residents.Domain;

public enum NeedCategory
{
    Meals,
    Cleaning,
    Bathing,
    Medical,
    Mobility,
    Emergency,
    MedicineDelivery,
    Companionship,
    PsychologicalSupport,
    DietMenu,
    Other,
}

public enum Urgency
{
    Low,
    Normal,
    High,
    Urgent,
}

public enum NeedSource
{
    HomeVisit,
    Phone,
    Canteen,
    Association,
    Self,
    Family,
}

public enum NeedStatus
{
    Open,
    Planned,
    BeingServed,
    Met,
    ClosedUnmet,
}

/// <summary>
/// A need of one elder (服务需求). Workflow: Open → Planned → BeingServed → Met, or closed unmet with a reason
/// from any open state; anything else is refused.
/// </summary>
public sealed class Need : Entity
{
    private Need()
    {
    }

    public Need(Guid elderId, NeedCategory category, string detail, Urgency urgency, NeedSource source, Guid? homeVisitId, string recordedBy, DateTime now)
    {
        ElderId = elderId;
        Category = category;
        Detail = detail;
        Urgency = urgency;
        Source = source;
        HomeVisitId = homeVisitId;
        RecordedBy = recordedBy;
        RecordedAt = now;
        UpdatedAt = now;
    }

    public Guid ElderId { get; private set; }

    public NeedCategory Category { get; private set; }

    public string Detail { get; private set; } = "";

    public Urgency Urgency { get; private set; }

    public NeedSource Source { get; private set; }

    public Guid? HomeVisitId { get; private set; }

    public NeedStatus Status { get; private set; }

    public string? ClosedReason { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>When a service answering this need was first delivered (reported by the Services module); the match rate counts it.</summary>
    public DateTime? FirstDeliveredAt { get; private set; }

    public bool IsClosed => Status is NeedStatus.Met or NeedStatus.ClosedUnmet;

    public void Plan(DateTime now) => Move(NeedStatus.Open, NeedStatus.Planned, now);

    public void StartService(DateTime now) => Move(NeedStatus.Planned, NeedStatus.BeingServed, now);

    public void MarkMet(DateTime now) => Move(NeedStatus.BeingServed, NeedStatus.Met, now);

    /// <summary>A service answering the need was delivered: the need counts as answered, and an open or planned need is now being served.</summary>
    public void RecordDelivery(DateTime deliveredAt, DateTime now)
    {
        FirstDeliveredAt ??= deliveredAt;
        if (Status is NeedStatus.Open or NeedStatus.Planned)
        {
            Status = NeedStatus.BeingServed;
        }

        UpdatedAt = now;
    }

    public void CloseUnmet(string reason, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Need.ReasonRequired", ErrorKind.Validation, "reason");
        }

        if (IsClosed)
        {
            throw DomainException.Conflict("Need.IllegalMove", null, Status.ToString(), nameof(NeedStatus.ClosedUnmet));
        }

        Status = NeedStatus.ClosedUnmet;
        ClosedReason = reason.Trim();
        UpdatedAt = now;
    }

    private void Move(NeedStatus from, NeedStatus to, DateTime now)
    {
        if (Status != from)
        {
            throw DomainException.Conflict("Need.IllegalMove", null, Status.ToString(), to.ToString());
        }

        Status = to;
        UpdatedAt = now;
    }
}

/// <summary>Someone who went on a home visit: a social worker, a village cadre, a volunteer.</summary>
public sealed record VisitParticipant(string Name, string Role);

/// <summary>A home visit (入户走访): who went, when, for how long, which elders were seen, what was observed, when to follow up.</summary>
public sealed class HomeVisit : Entity
{
    private HomeVisit()
    {
    }

    public HomeVisit(string villageCode, DateOnly date, int durationMinutes, IEnumerable<VisitParticipant> participants, IEnumerable<Guid> elderIds, string observations, DateOnly? followUpDate, string recordedBy, DateTime now)
    {
        VillageCode = villageCode;
        Date = date;
        DurationMinutes = durationMinutes;
        Participants = [.. participants];
        ElderIds = [.. elderIds.Distinct()];
        Observations = observations;
        FollowUpDate = followUpDate;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public string VillageCode { get; private set; } = "";

    public DateOnly Date { get; private set; }

    public int DurationMinutes { get; private set; }

    public List<VisitParticipant> Participants { get; private set; } = [];

    public List<Guid> ElderIds { get; private set; } = [];

    public string Observations { get; private set; } = "";

    public DateOnly? FollowUpDate { get; private set; }

    public bool FollowedUp { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    public void MarkFollowedUp() => FollowedUp = true;
}
