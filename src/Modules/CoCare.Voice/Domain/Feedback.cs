using System.Security.Cryptography;
using CoCare.Kernel;

namespace CoCare.Voice.Domain;

public enum FeedbackKind
{
    Complaint,
    Suggestion,
    Praise,
}

/// <summary>How the feedback reached the platform.</summary>
public enum FeedbackChannel
{
    PublicWeb,
    PhoneCall,
    HomeVisit,
    PaperForm,
    Volunteer,
}

public enum FeedbackStatus
{
    Received,
    Assigned,
    Answered,
    Resolved,
}

/// <summary>
/// Feedback or a complaint (意见反馈 / 投诉) from any channel: the text as written (any Unicode, shown encoded), the
/// optional link to a service point, order, contract or provider, a tracking code the person follows it with, the
/// response deadline in working days, the organization assigned, the answers, the resolution, a reopening by the
/// person and their rating of the handling. Contact details are kept encrypted (and none when anonymous).
/// </summary>
public sealed class FeedbackItem : Entity
{
    public const int MaxText = 2000;

    private FeedbackItem()
    {
    }

    public FeedbackItem(string regionCode, FeedbackKind kind, FeedbackChannel channel, string text, bool anonymous, string recordedBy, DateTime now, DateTime dueAt)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Feedback.Kind", ErrorKind.Validation, "kind");
        }

        if (!Enum.IsDefined(channel))
        {
            throw new DomainException("Feedback.Channel", ErrorKind.Validation, "channel");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxText)
        {
            throw new DomainException("Feedback.Text", ErrorKind.Validation, "text", MaxText);
        }

        RegionCode = regionCode;
        Kind = kind;
        Channel = channel;
        Text = text.Trim();
        Anonymous = anonymous;
        RecordedBy = recordedBy;
        ReceivedAt = now;
        DueAt = dueAt;
        TrackingCode = NewTrackingCode();
    }

    /// <summary>What the person types to follow it: ten characters without look-alikes (0/O, 1/I/L).</summary>
    public string TrackingCode { get; private set; } = "";

    public string RegionCode { get; private set; } = "";

    public FeedbackKind Kind { get; private set; }

    public FeedbackChannel Channel { get; private set; }

    public string Text { get; private set; } = "";

    public bool Anonymous { get; private set; }

    public string? ContactNameCipher { get; private set; }

    public string? ContactPhoneCipher { get; private set; }

    public string? ContactPhoneMasked { get; private set; }

    public Guid? ServicePointId { get; private set; }

    public Guid? ServiceOrderId { get; private set; }

    public Guid? ContractId { get; private set; }

    public Guid? ProviderOrganizationId { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime ReceivedAt { get; private set; }

    public DateTime DueAt { get; private set; }

    public Guid? AssignedOrganizationId { get; private set; }

    public FeedbackStatus Status { get; private set; }

    public DateTime? FirstAnsweredAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public int Reopened { get; private set; }

    public int? Rating { get; private set; }

    public DateTime? EscalatedAt { get; private set; }

    public List<FeedbackResponse> Responses { get; private set; } = [];

    public bool IsOverdue(DateTime now) => FirstAnsweredAt is null && now > DueAt;

    public bool AnsweredOnTime => FirstAnsweredAt is { } at && at <= DueAt;

    public void Contact(string? nameCipher, string? phoneCipher, string? phoneMasked)
    {
        ContactNameCipher = Anonymous ? null : nameCipher;
        ContactPhoneCipher = Anonymous ? null : phoneCipher;
        ContactPhoneMasked = Anonymous ? null : phoneMasked;
    }

    public void Link(Guid? servicePointId, Guid? serviceOrderId, Guid? contractId, Guid? providerOrganizationId)
    {
        ServicePointId = servicePointId;
        ServiceOrderId = serviceOrderId;
        ContractId = contractId;
        ProviderOrganizationId = providerOrganizationId;
    }

    public void Assign(Guid organizationId)
    {
        if (Status == FeedbackStatus.Resolved)
        {
            throw DomainException.Conflict("Feedback.Resolved");
        }

        AssignedOrganizationId = organizationId;
        if (Status == FeedbackStatus.Received)
        {
            Status = FeedbackStatus.Assigned;
        }
    }

    /// <summary>An answer from the assigned organization; the first one stops the deadline clock.</summary>
    public FeedbackResponse Answer(Guid organizationId, string author, string text, DateTime now)
    {
        if (Status == FeedbackStatus.Resolved)
        {
            throw DomainException.Conflict("Feedback.Resolved");
        }

        if (AssignedOrganizationId != organizationId)
        {
            throw DomainException.Forbidden("Feedback.NotAssigned");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxText)
        {
            throw new DomainException("Feedback.Text", ErrorKind.Validation, "text", MaxText);
        }

        var response = new FeedbackResponse(Id, organizationId, author, text.Trim(), now);
        Responses.Add(response);
        FirstAnsweredAt ??= now;
        Status = FeedbackStatus.Answered;
        return response;
    }

    public void Resolve(DateTime now)
    {
        if (Status != FeedbackStatus.Answered)
        {
            throw DomainException.Conflict("Feedback.NotAnswered");
        }

        Status = FeedbackStatus.Resolved;
        ResolvedAt = now;
    }

    /// <summary>The person reopens it (not satisfied with the answer): it goes back to the assigned organization.</summary>
    public void Reopen()
    {
        if (Status != FeedbackStatus.Resolved && Status != FeedbackStatus.Answered)
        {
            throw DomainException.Conflict("Feedback.NotAnswered");
        }

        Status = FeedbackStatus.Assigned;
        ResolvedAt = null;
        Reopened++;
    }

    /// <summary>The person rates the handling (1–5) once it is resolved.</summary>
    public void Rate(int rating)
    {
        if (rating is < 1 or > 5)
        {
            throw new DomainException("Rating.Range", ErrorKind.Validation, "rating");
        }

        if (Status != FeedbackStatus.Resolved)
        {
            throw DomainException.Conflict("Feedback.NotResolved");
        }

        Rating = rating;
    }

    public void Escalated(DateTime now) => EscalatedAt = now;

    private static string NewTrackingCode()
    {
        const string alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return string.Create(10, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
            }
        });
    }
}

/// <summary>One answer to a feedback item, by the organization it was assigned to.</summary>
public sealed class FeedbackResponse : Entity
{
    private FeedbackResponse()
    {
    }

    public FeedbackResponse(Guid feedbackId, Guid organizationId, string author, string text, DateTime at)
    {
        FeedbackId = feedbackId;
        OrganizationId = organizationId;
        Author = author;
        Text = text;
        At = at;
    }

    public Guid FeedbackId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string Author { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateTime At { get; private set; }
}

/// <summary>Working days (Monday to Friday, Beijing time) for response deadlines; public holidays are not modelled yet.</summary>
public static class WorkingDays
{
    /// <summary>The end (23:59:59 Beijing time) of the <paramref name="days"/>-th working day after the day of <paramref name="receivedAt"/>.</summary>
    public static DateTime Deadline(DateTime receivedAt, int days)
    {
        var day = ChinaTime.Day(receivedAt);
        var left = Math.Max(days, 0);
        while (left > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                left--;
            }
        }

        return ChinaTime.Utc(day.AddDays(1), TimeOnly.MinValue).AddTicks(-10);
    }
}
