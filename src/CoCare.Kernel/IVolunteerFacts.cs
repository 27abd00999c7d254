namespace CoCare.Kernel;

/// <summary>A volunteer as other modules see it: where they serve and what they can do (skill codes), no contact data.</summary>
public sealed record VolunteerFacts(Guid Id, string AccountId, string Name, string RegionCode, IReadOnlyList<string> Skills);

/// <summary>A volunteer booked on a shift (not cancelled) in a region, with the shift's times (UTC) and place.</summary>
public sealed record ShiftDuty(Guid VolunteerId, string Name, string? AccountId, Guid ShiftId, string ShiftTitle, string Place, string RegionCode, DateTime StartsAt, DateTime EndsAt);

/// <summary>The Volunteers module's answers about volunteers who sign in (so they can be given work).</summary>
public interface IVolunteerFacts
{
    /// <summary>Every skill code a volunteer profile can hold (<c>MealDelivery</c>, <c>Companionship</c> …).</summary>
    IReadOnlyList<string> SkillCodes { get; }

    /// <summary>The active volunteer profiles linked to these accounts, by account id.</summary>
    Task<IReadOnlyDictionary<string, VolunteerFacts>> ByAccountsAsync(IEnumerable<string> accountIds, CancellationToken ct);

    /// <summary>Active volunteers with an account who serve <paramref name="regionCode"/> (their village lies in it or covers it), by name, at most 500.</summary>
    Task<IReadOnlyList<VolunteerFacts>> ServingAsync(string regionCode, CancellationToken ct);

    /// <summary>
    /// Volunteers booked on a shift in <paramref name="regionCode"/>'s subtree that overlaps [<paramref name="fromUtc"/>,
    /// <paramref name="toUtc"/>), by start time, at most 500 (a shift that was cancelled, or a place given up, is not a duty).
    /// </summary>
    Task<IReadOnlyList<ShiftDuty>> OnShiftAsync(string regionCode, DateTime fromUtc, DateTime toUtc, CancellationToken ct);
}
