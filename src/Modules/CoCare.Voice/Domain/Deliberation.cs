using CoCare.Kernel;

namespace CoCare.Voice.Domain;

public enum TopicStatus
{
    Open,
    Scheduled,
    Decided,
    Withdrawn,
}

/// <summary>Who raised a topic.</summary>
public enum RaisedBy
{
    Resident,
    ResidentOrganization,
    VillageCommittee,
    Provider,
}

/// <summary>
/// A topic (议题) for the village to discuss: raised by a resident, a resident organization (often from a collective
/// issue), the village committee or the provider; supported by residents; scheduled for a meeting; decided there.
/// </summary>
public sealed class Topic : Entity
{
    private Topic()
    {
    }

    public Topic(string regionCode, RaisedBy raisedBy, string raisedByName, Guid? collectiveIssueId, string recordedBy, DateTime now)
    {
        RegionCode = regionCode;
        RaisedBy = raisedBy;
        RaisedByName = raisedByName;
        CollectiveIssueId = collectiveIssueId;
        RecordedBy = recordedBy;
        RaisedAt = now;
    }

    public string RegionCode { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public RaisedBy RaisedBy { get; private set; }

    public string RaisedByName { get; private set; } = "";

    public Guid? CollectiveIssueId { get; private set; }

    public List<string> Supporters { get; private set; } = [];

    public TopicStatus Status { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime RaisedAt { get; private set; }

    public void Describe(string title, string? description)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
        {
            throw new DomainException("Topic.Title", ErrorKind.Validation, "title");
        }

        if (description is { Length: > 4000 })
        {
            throw new DomainException("Topic.Description", ErrorKind.Validation, "description");
        }

        Title = title.Trim();
        Description = (description ?? "").Trim();
    }

    /// <summary>Adds a supporter once (an account id).</summary>
    public bool Support(string accountId)
    {
        if (Status is TopicStatus.Decided or TopicStatus.Withdrawn)
        {
            throw DomainException.Conflict("Topic.Closed");
        }

        if (Supporters.Contains(accountId))
        {
            return false;
        }

        Supporters.Add(accountId);
        return true;
    }

    public void Schedule()
    {
        if (Status is TopicStatus.Decided or TopicStatus.Withdrawn)
        {
            throw DomainException.Conflict("Topic.Closed");
        }

        Status = TopicStatus.Scheduled;
    }

    public void Decided() => Status = TopicStatus.Decided;

    public void Withdraw()
    {
        if (Status == TopicStatus.Decided)
        {
            throw DomainException.Conflict("Topic.Closed");
        }

        Status = TopicStatus.Withdrawn;
    }
}

/// <summary>How many of the eligible must be present for the meeting to decide.</summary>
public enum QuorumRule
{
    /// <summary>More than half of the eligible (e.g. of the registered households).</summary>
    MoreThanHalf,

    /// <summary>At least two thirds of the eligible.</summary>
    TwoThirds,
}

public enum MeetingStatus
{
    Planned,
    InSession,
    Closed,
}

/// <summary>
/// A meeting or village assembly (村民大会 / 议事会): when, where, who convenes, the topics on the agenda, the roll of
/// eligible participants (e.g. one per registered household), the attendance staff take, the quorum rule and the
/// minutes. Motions are put and voted on while it is in session.
/// </summary>
public sealed class Meeting : Entity
{
    private Meeting()
    {
    }

    public Meeting(string regionCode, Guid convenerOrganizationId, string recordedBy)
    {
        RegionCode = regionCode;
        ConvenerOrganizationId = convenerOrganizationId;
        RecordedBy = recordedBy;
    }

    public string RegionCode { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Place { get; private set; } = "";

    public DateTime StartsAt { get; private set; }

    public Guid ConvenerOrganizationId { get; private set; }

    public List<Guid> TopicIds { get; private set; } = [];

    public QuorumRule Quorum { get; private set; }

    public MeetingStatus Status { get; private set; }

    public string Minutes { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    public void Describe(string title, string? place, DateTime startsAt, QuorumRule quorum, IReadOnlyList<Guid> topicIds)
    {
        if (Status == MeetingStatus.Closed)
        {
            throw DomainException.Conflict("Meeting.Closed");
        }

        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
        {
            throw new DomainException("Meeting.Title", ErrorKind.Validation, "title");
        }

        if (place is { Length: > 200 })
        {
            throw new DomainException("Meeting.Place", ErrorKind.Validation, "place");
        }

        if (!Enum.IsDefined(quorum))
        {
            throw new DomainException("Meeting.Quorum", ErrorKind.Validation, "quorum");
        }

        Title = title.Trim();
        Place = (place ?? "").Trim();
        StartsAt = startsAt;
        Quorum = quorum;
        TopicIds = topicIds.Distinct().ToList();
    }

    /// <summary>Whether <paramref name="present"/> of <paramref name="eligible"/> make a quorum under this meeting's rule.</summary>
    public bool HasQuorum(int eligible, int present) => Quorums.IsMet(Quorum, eligible, present);

    public void Open()
    {
        if (Status != MeetingStatus.Planned)
        {
            throw DomainException.Conflict("Meeting.NotPlanned");
        }

        Status = MeetingStatus.InSession;
    }

    /// <summary>Closes the meeting with its minutes; no more attendance or votes.</summary>
    public void Close(string minutes)
    {
        if (Status != MeetingStatus.InSession)
        {
            throw DomainException.Conflict("Meeting.NotInSession");
        }

        if (string.IsNullOrWhiteSpace(minutes) || minutes.Length > 20_000)
        {
            throw new DomainException("Meeting.Minutes", ErrorKind.Validation, "minutes");
        }

        Minutes = minutes.Trim();
        Status = MeetingStatus.Closed;
    }

    public void RequireInSession()
    {
        if (Status != MeetingStatus.InSession)
        {
            throw DomainException.Conflict(Status == MeetingStatus.Closed ? "Meeting.Closed" : "Meeting.NotInSession");
        }
    }
}

/// <summary>The quorum rules, in whole people: more than half is ⌊n/2⌋+1, two thirds is ⌈2n/3⌉.</summary>
public static class Quorums
{
    public static int Needed(QuorumRule rule, int eligible) => rule switch
    {
        QuorumRule.TwoThirds => ((2 * eligible) + 2) / 3,
        _ => (eligible / 2) + 1,
    };

    public static bool IsMet(QuorumRule rule, int eligible, int present) => eligible > 0 && present >= Needed(rule, eligible);
}

public enum Attendance
{
    Absent,
    InPerson,
    Proxy,
}

/// <summary>
/// One eligible participant on a meeting's roll (e.g. the representative of a household), optionally linked to the
/// account they sign in with, and the attendance staff recorded: in person, or by a proxy who holds a delegation
/// naming the represented person.
/// </summary>
public sealed class Participant : Entity
{
    private Participant()
    {
    }

    public Participant(Guid meetingId, string name, string? household, string? accountId)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50)
        {
            throw new DomainException("Participant.Name", ErrorKind.Validation, "name");
        }

        if (household is { Length: > 50 })
        {
            throw new DomainException("Participant.Household", ErrorKind.Validation, "household");
        }

        MeetingId = meetingId;
        Name = name.Trim();
        Household = (household ?? "").Trim();
        AccountId = string.IsNullOrWhiteSpace(accountId) ? null : accountId;
    }

    public Guid MeetingId { get; private set; }

    public string Name { get; private set; } = "";

    public string Household { get; private set; } = "";

    public string? AccountId { get; private set; }

    public Attendance Attendance { get; private set; }

    public string? ProxyName { get; private set; }

    /// <summary>The delegation the proxy showed (e.g. "委托书 2025-01-10，由本人签字按手印").</summary>
    public string? Delegation { get; private set; }

    public bool IsPresent => Attendance != Attendance.Absent;

    public void MarkAttendance(Attendance attendance, string? proxyName, string? delegation)
    {
        if (!Enum.IsDefined(attendance))
        {
            throw new DomainException("Participant.Attendance", ErrorKind.Validation, "attendance");
        }

        if (attendance == Attendance.Proxy)
        {
            if (string.IsNullOrWhiteSpace(proxyName) || proxyName.Trim().Length > 50)
            {
                throw new DomainException("Participant.ProxyName", ErrorKind.Validation, "proxyName");
            }

            // A proxy is recorded only with the delegation that names the represented person.
            if (string.IsNullOrWhiteSpace(delegation) || delegation.Trim().Length > 500)
            {
                throw new DomainException("Participant.Delegation", ErrorKind.Validation, "delegation");
            }
        }

        Attendance = attendance;
        ProxyName = attendance == Attendance.Proxy ? proxyName!.Trim() : null;
        Delegation = attendance == Attendance.Proxy ? delegation!.Trim() : null;
    }
}
