using CoCare.Kernel;

namespace CoCare.Voice.Domain;

/// <summary>
/// A decision (决议): the outcome of a closed motion, in words, linked to the motion, the meeting and so to its
/// attendance and tally. It can be withdrawn (e.g. a later assembly reverses it); its rules then stop applying.
/// </summary>
public sealed class Decision : Entity
{
    private Decision()
    {
    }

    public Decision(Motion motion, Meeting meeting, string title, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(motion);
        ArgumentNullException.ThrowIfNull(meeting);
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
        {
            throw new DomainException("Decision.Title", ErrorKind.Validation, "title");
        }

        MotionId = motion.Id;
        MeetingId = meeting.Id;
        MeetingTitle = meeting.Title;
        RegionCode = meeting.RegionCode;
        Title = title.Trim();
        Carried = motion.Carried;
        DecidedAt = now;
    }

    public Guid MotionId { get; private set; }

    public Guid MeetingId { get; private set; }

    public string MeetingTitle { get; private set; } = "";

    public string RegionCode { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>Whether the motion carried; only a carried motion's decision can make rules.</summary>
    public bool Carried { get; private set; }

    public DateTime DecidedAt { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    public string? WithdrawReason { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    public void Withdraw(string reason, DateTime now)
    {
        if (IsWithdrawn)
        {
            throw DomainException.Conflict("Decision.Withdrawn");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            throw new DomainException("Decision.Reason", ErrorKind.Validation, "reason");
        }

        WithdrawnAt = now;
        WithdrawReason = reason.Trim();
    }
}

/// <summary>What a rule makes the platform do.</summary>
public enum RuleKind
{
    /// <summary>The named elder may not use the canteen's meal service.</summary>
    CanteenExclusion,

    /// <summary>The named elder may use the canteen on the stated condition (e.g. contributing labour hours).</summary>
    CanteenAdmission,

    /// <summary>Elders of a category are served first.</summary>
    ServicePriority,
}

/// <summary>
/// A rule (规则) a decision created, enforced by the platform while it is valid and its decision stands. A person
/// rule names the elder; a priority rule names the category.
/// </summary>
public sealed class VoiceRule : Entity
{
    private VoiceRule()
    {
    }

    public VoiceRule(Decision decision, RuleKind kind, Guid? elderId, string? elderName, string? category, string? condition, DateOnly validFrom, DateOnly? validTo)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!decision.Carried)
        {
            throw DomainException.Conflict("Rule.NotCarried");
        }

        if (decision.IsWithdrawn)
        {
            throw DomainException.Conflict("Decision.Withdrawn");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Rule.Kind", ErrorKind.Validation, "kind");
        }

        if (kind is RuleKind.CanteenExclusion or RuleKind.CanteenAdmission && elderId is null)
        {
            throw new DomainException("Rule.Elder", ErrorKind.Validation, "elderId");
        }

        if (kind == RuleKind.ServicePriority && (string.IsNullOrWhiteSpace(category) || !ElderCategoryCodes.All.Contains(category.Trim())))
        {
            throw new DomainException("Rule.Category", ErrorKind.Validation, "category");
        }

        if (kind == RuleKind.CanteenAdmission && string.IsNullOrWhiteSpace(condition))
        {
            throw new DomainException("Rule.Condition", ErrorKind.Validation, "condition");
        }

        if (condition is { Length: > 500 } || category is { Length: > 50 })
        {
            throw new DomainException("Rule.Condition", ErrorKind.Validation, "condition");
        }

        if (validTo is { } to && to < validFrom)
        {
            throw new DomainException("Rule.Validity", ErrorKind.Validation, "validTo");
        }

        DecisionId = decision.Id;
        RegionCode = decision.RegionCode;
        Kind = kind;
        ElderId = kind == RuleKind.ServicePriority ? null : elderId;
        ElderName = kind == RuleKind.ServicePriority ? null : elderName;
        Category = kind == RuleKind.ServicePriority ? category!.Trim() : null;
        Condition = string.IsNullOrWhiteSpace(condition) ? null : condition.Trim();
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public Guid DecisionId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public RuleKind Kind { get; private set; }

    public Guid? ElderId { get; private set; }

    public string? ElderName { get; private set; }

    public string? Category { get; private set; }

    public string? Condition { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    /// <summary>In force on a day: within its validity and its decision not withdrawn.</summary>
    public bool AppliesOn(DateOnly day, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return !decision.IsWithdrawn && day >= ValidFrom && (ValidTo is null || day <= ValidTo);
    }
}
