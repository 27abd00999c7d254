using CoCare.Kernel;

namespace CoCare.Alerts.Domain;

/// <summary>
/// What raises an alert besides the emergencies (SOS, fall, smoke and gas always do), in Beijing time:
/// a door opening between <see cref="NightStarts"/> and <see cref="NightEnds"/>; no activity sensed for
/// <see cref="InactivityHours"/> (0: not watched); and quiet hours, in which no-activity alerts are not raised (the
/// elder is asleep; one still inactive when they end raises it then). <see cref="InformFamily"/>: the elder's family
/// contact is told when an alert is raised.
/// </summary>
public sealed record RuleSettings(bool DoorAtNight, TimeOnly NightStarts, TimeOnly NightEnds, int InactivityHours, TimeOnly? QuietStarts, TimeOnly? QuietEnds,
    bool InformFamily)
{
    public const int MaxInactivityHours = 72;

    /// <summary>What applies where nobody has set a rule: doors 22:00–06:00, twelve hours without activity, quiet 22:00–07:00, family informed.</summary>
    public static readonly RuleSettings Default = new(true, new TimeOnly(22, 0), new TimeOnly(6, 0), 12, new TimeOnly(22, 0), new TimeOnly(7, 0), true);

    /// <summary>The problem with these settings (a message key and the field), or null when they hold.</summary>
    public (string Code, string Field)? Problem() =>
        InactivityHours is < 0 or > MaxInactivityHours ? ("Rule.InactivityHours", "inactivityHours")
        : DoorAtNight && NightStarts == NightEnds ? ("Rule.Night", "nightEnds")
        : (QuietStarts is null) != (QuietEnds is null) || (QuietStarts is { } q && q == QuietEnds) ? ("Rule.Quiet", "quietEnds")
        : null;

    public bool IsQuiet(DateTime utc) => QuietStarts is { } from && QuietEnds is { } to && Within(ChinaTime.TimeOfDay(utc), from, to);

    /// <summary>Whether an event of this type, sensed at <paramref name="utc"/>, raises an alert under these settings.</summary>
    public bool Raises(EventType type, DateTime utc) => type switch
    {
        _ when DeviceCapabilities.IsEmergency(type) => true,
        EventType.DoorOpen => DoorAtNight && Within(ChinaTime.TimeOfDay(utc), NightStarts, NightEnds),
        EventType.NoActivity => InactivityHours > 0 && !IsQuiet(utc),
        _ => false,
    };

    /// <summary>Whether an elder last active at <paramref name="lastActivity"/> should have a no-activity alert at <paramref name="now"/>.</summary>
    public bool Inactive(DateTime lastActivity, DateTime now) => InactivityHours > 0 && now - lastActivity >= TimeSpan.FromHours(InactivityHours) && !IsQuiet(now);

    /// <summary>A window of the day; one that starts later than it ends runs over midnight.</summary>
    public static bool Within(TimeOnly time, TimeOnly starts, TimeOnly ends) =>
        starts <= ends ? time >= starts && time < ends : time >= starts || time < ends;
}

/// <summary>A village's alert rules, or one elder's rules overriding the village's (<see cref="ElderId"/> set).</summary>
public sealed class AlertRule : Entity
{
    private AlertRule()
    {
    }

    public AlertRule(string villageCode, Guid? elderId, RuleSettings settings, string updatedBy, DateTime updatedAt)
    {
        VillageCode = villageCode;
        ElderId = elderId;
        Set(settings, updatedBy, updatedAt);
    }

    public string VillageCode { get; private set; } = "";

    public Guid? ElderId { get; private set; }

    public bool DoorAtNight { get; private set; }

    public TimeOnly NightStarts { get; private set; }

    public TimeOnly NightEnds { get; private set; }

    public int InactivityHours { get; private set; }

    public TimeOnly? QuietStarts { get; private set; }

    public TimeOnly? QuietEnds { get; private set; }

    public bool InformFamily { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public DateTime UpdatedAt { get; private set; }

    public RuleSettings Settings => new(DoorAtNight, NightStarts, NightEnds, InactivityHours, QuietStarts, QuietEnds, InformFamily);

    public void Set(RuleSettings settings, string updatedBy, DateTime updatedAt)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problem() is { } problem)
        {
            throw new DomainException(problem.Code, ErrorKind.Validation, problem.Field, RuleSettings.MaxInactivityHours);
        }

        (DoorAtNight, NightStarts, NightEnds, InactivityHours, QuietStarts, QuietEnds, InformFamily) =
            (settings.DoorAtNight, settings.NightStarts, settings.NightEnds, settings.InactivityHours, settings.QuietStarts, settings.QuietEnds, settings.InformFamily);
        UpdatedBy = updatedBy;
        UpdatedAt = updatedAt;
    }

    /// <summary>The settings for an elder: their own rule, else their village's, else <see cref="RuleSettings.Default"/>.</summary>
    public static RuleSettings For(IEnumerable<AlertRule> rules, string villageCode, Guid? elderId)
    {
        ArgumentNullException.ThrowIfNull(rules);
        AlertRule? village = null;
        foreach (var rule in rules)
        {
            if (elderId is not null && rule.ElderId == elderId)
            {
                return rule.Settings;
            }

            if (rule.ElderId is null && rule.VillageCode == villageCode)
            {
                village = rule;
            }
        }

        return village?.Settings ?? RuleSettings.Default;
    }
}
