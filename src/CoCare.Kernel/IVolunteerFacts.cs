namespace CoCare.Kernel;

/// <summary>A volunteer as other modules see it: where they serve and what they can do (skill codes), no contact data.</summary>
public sealed record VolunteerFacts(Guid Id, string AccountId, string Name, string RegionCode, IReadOnlyList<string> Skills);

/// <summary>The Volunteers module's answers about volunteers who sign in (so they can be given work).</summary>
public interface IVolunteerFacts
{
    /// <summary>Every skill code a volunteer profile can hold (<c>MealDelivery</c>, <c>Companionship</c> …).</summary>
    IReadOnlyList<string> SkillCodes { get; }

    /// <summary>The active volunteer profiles linked to these accounts, by account id.</summary>
    Task<IReadOnlyDictionary<string, VolunteerFacts>> ByAccountsAsync(IEnumerable<string> accountIds, CancellationToken ct);

    /// <summary>Active volunteers with an account who serve <paramref name="regionCode"/> (their village lies in it or covers it), by name, at most 500.</summary>
    Task<IReadOnlyList<VolunteerFacts>> ServingAsync(string regionCode, CancellationToken ct);
}
