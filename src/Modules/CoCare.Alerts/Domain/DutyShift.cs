using CoCare.Kernel;

namespace CoCare.Alerts.Domain;

/// <summary>
/// One person on the alert duty roster (值班表) of a village for a stretch of time: a care worker of the provider on
/// duty (called with the volunteers on shift, nearest first), the village committee's duty person, or the provider's
/// duty manager. While anyone is rostered for a rung, that rung calls only them; with no one rostered it calls every
/// account of that role in the village.
/// </summary>
public sealed class DutyShift : Entity
{
    /// <summary>The most weeks one entry repeats for (a quarter).</summary>
    public const int MostWeeks = 13;

    /// <summary>The longest stretch one entry may cover (a month of village duty).</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(31);

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private DutyShift()
    {
    }

    private DutyShift(string villageCode, ResponderKind kind, string accountId, string accountName, DateTime startsAt, DateTime endsAt, string createdBy, DateTime createdAt)
    {
        VillageCode = villageCode;
        Kind = kind;
        AccountId = accountId;
        AccountName = accountName;
        StartsAt = startsAt;
        EndsAt = endsAt;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public string VillageCode { get; private set; } = "";

    public ResponderKind Kind { get; private set; }

    public string AccountId { get; private set; } = "";

    public string AccountName { get; private set; } = "";

    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// Rosters a person: not a volunteer (they book the Volunteers module's shifts), ending after it starts, at most
    /// <see cref="Longest"/>, and not already over at <paramref name="now"/>.
    /// </summary>
    public static DutyShift Roster(string villageCode, ResponderKind kind, string accountId, string accountName, DateTime startsAt, DateTime endsAt, string createdBy,
        DateTime now)
    {
        if (kind is not (ResponderKind.Worker or ResponderKind.VillageDuty or ResponderKind.ProviderManager))
        {
            throw new DomainException("Duty.KindInvalid", ErrorKind.Validation, "kind");
        }

        if (endsAt <= startsAt || endsAt - startsAt > Longest)
        {
            throw new DomainException("Duty.Span", ErrorKind.Validation, "endsAt", (int)Longest.TotalDays);
        }

        if (endsAt <= now)
        {
            throw new DomainException("Duty.Ended", ErrorKind.Validation, "endsAt");
        }

        return new DutyShift(villageCode, kind, accountId, accountName, startsAt, endsAt, createdBy, now);
    }

    /// <summary>
    /// Rosters a person for the same stretch <paramref name="weeks"/> weeks running (1 to <see cref="MostWeeks"/>), e.g.
    /// the village's duty person every Monday; each entry follows the rules of <see cref="Roster"/>, and a repeated
    /// stretch lasts at most a week so the entries do not overlap.
    /// </summary>
    public static IReadOnlyList<DutyShift> RosterWeekly(string villageCode, ResponderKind kind, string accountId, string accountName, DateTime startsAt, DateTime endsAt,
        int weeks, string createdBy, DateTime now)
    {
        if (weeks is < 1 or > MostWeeks)
        {
            throw new DomainException("Duty.Weeks", ErrorKind.Validation, "weeks", MostWeeks);
        }

        if (weeks > 1 && endsAt - startsAt > Week)
        {
            throw new DomainException("Duty.WeeksSpan", ErrorKind.Validation, "weeks");
        }

        return [.. Enumerable.Range(0, weeks).Select(w => Roster(villageCode, kind, accountId, accountName, startsAt + (w * Week), endsAt + (w * Week), createdBy, now))];
    }

    public bool CoversAt(DateTime at) => StartsAt <= at && at < EndsAt;
}
