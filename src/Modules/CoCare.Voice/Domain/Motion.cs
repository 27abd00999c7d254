using CoCare.Kernel;

namespace CoCare.Voice.Domain;

/// <summary>What a motion needs to carry. The first option is the proposal ("同意"); it carries when its votes reach the majority.</summary>
public enum MajorityRule
{
    /// <summary>More than half of the votes cast.</summary>
    SimpleOfCast,

    /// <summary>At least two thirds of the votes cast.</summary>
    TwoThirdsOfCast,

    /// <summary>More than half of all eligible participants, present or not.</summary>
    MajorityOfEligible,
}

public enum MotionStatus
{
    Open,
    Closed,
}

/// <summary>How a vote reached the record.</summary>
public enum VoteChannel
{
    /// <summary>Cast by the signed-in resident.</summary>
    Online,

    /// <summary>Recorded by staff on behalf of an elder (who cannot use a phone).</summary>
    StaffRecorded,

    /// <summary>Counted by hand in the room and entered by staff as a tally.</summary>
    HandCount,
}

/// <summary>
/// A motion (表决事项) put to a meeting: the text, the options (the first is the proposal), the majority it needs and
/// whether the ballot is secret. Votes come by three channels; each eligible participant votes once across them;
/// the result is computed when the motion is closed, never typed.
/// </summary>
public sealed class Motion : Entity
{
    public const int MaxOptions = 10;

    private Motion()
    {
    }

    public Motion(Guid meetingId, Guid? topicId, string text, IReadOnlyList<string> options, MajorityRule majority, bool secret, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 1000)
        {
            throw new DomainException("Motion.Text", ErrorKind.Validation, "text");
        }

        var cleaned = options.Select(o => (o ?? "").Trim()).ToList();
        if (cleaned.Count is < 2 or > MaxOptions || cleaned.Any(o => o.Length is 0 or > 50) || cleaned.Distinct().Count() != cleaned.Count)
        {
            throw new DomainException("Motion.Options", ErrorKind.Validation, "options", MaxOptions);
        }

        if (!Enum.IsDefined(majority))
        {
            throw new DomainException("Motion.Majority", ErrorKind.Validation, "majority");
        }

        MeetingId = meetingId;
        TopicId = topicId;
        Text = text.Trim();
        Options = cleaned;
        Majority = majority;
        Secret = secret;
        OpenedAt = now;
    }

    public Guid MeetingId { get; private set; }

    public Guid? TopicId { get; private set; }

    public string Text { get; private set; } = "";

    public List<string> Options { get; private set; } = [];

    public MajorityRule Majority { get; private set; }

    public bool Secret { get; private set; }

    public MotionStatus Status { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>Votes per option when closed (same order as <see cref="Options"/>).</summary>
    public List<int> Counts { get; private set; } = [];

    public int Eligible { get; private set; }

    public int Present { get; private set; }

    public bool Carried { get; private set; }

    public void RequireOpen()
    {
        if (Status != MotionStatus.Open)
        {
            throw DomainException.Conflict("Motion.Closed");
        }
    }

    public void RequireOption(string option)
    {
        if (!Options.Contains(option))
        {
            throw new DomainException("Vote.Option", ErrorKind.Validation, "option");
        }
    }

    /// <summary>
    /// Closes the motion and computes the result from the votes. Refused without quorum (nothing is decided), or when
    /// more votes were cast than people present.
    /// </summary>
    public void Close(Meeting meeting, int eligible, int present, IReadOnlyList<int> counts, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        RequireOpen();
        if (!meeting.HasQuorum(eligible, present))
        {
            throw DomainException.Conflict("Decision.NoQuorum", null, present, eligible, Quorums.Needed(meeting.Quorum, eligible));
        }

        if (counts.Count != Options.Count || counts.Any(c => c < 0))
        {
            throw new InvalidOperationException("One count per option.");
        }

        if (counts.Sum() > present)
        {
            throw DomainException.Conflict("Vote.MoreThanPresent", null, counts.Sum(), present);
        }

        Counts = [.. counts];
        Eligible = eligible;
        Present = present;
        Carried = Tally.Carries(Majority, counts[0], counts.Sum(), eligible);
        Status = MotionStatus.Closed;
        ClosedAt = now;
    }
}

/// <summary>
/// One participant's vote on a motion (unique per motion and participant, whatever the channel). For a secret
/// ballot the option is kept for the count but never shown next to the person.
/// </summary>
public sealed class Ballot : Entity
{
    private Ballot()
    {
    }

    public Ballot(Guid motionId, Guid participantId, string option, VoteChannel channel, string recordedBy, DateTime at)
    {
        MotionId = motionId;
        ParticipantId = participantId;
        Option = option;
        Channel = channel;
        RecordedBy = recordedBy;
        At = at;
    }

    public Guid MotionId { get; private set; }

    public Guid ParticipantId { get; private set; }

    public string Option { get; private set; } = "";

    public VoteChannel Channel { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime At { get; private set; }
}

/// <summary>
/// A hand count (举手表决) entered by staff: votes per option from the people in the room who did not vote by
/// ballot. One per motion; with the ballots it may not exceed the people present.
/// </summary>
public sealed class Tally : Entity
{
    private Tally()
    {
    }

    public Tally(Guid motionId, IReadOnlyList<int> counts, string recordedBy, DateTime at)
    {
        if (counts.Any(c => c < 0))
        {
            throw new DomainException("Tally.Negative", ErrorKind.Validation, "counts");
        }

        MotionId = motionId;
        Counts = [.. counts];
        RecordedBy = recordedBy;
        At = at;
    }

    public Guid MotionId { get; private set; }

    public List<int> Counts { get; private set; } = [];

    public string RecordedBy { get; private set; } = "";

    public DateTime At { get; private set; }

    /// <summary>Whether the proposal's votes carry under the rule (whole-number comparisons, no rounding).</summary>
    public static bool Carries(MajorityRule rule, int forVotes, int cast, int eligible) => rule switch
    {
        MajorityRule.TwoThirdsOfCast => cast > 0 && forVotes * 3 >= cast * 2,
        MajorityRule.MajorityOfEligible => forVotes * 2 > eligible,
        _ => forVotes * 2 > cast,
    };
}
