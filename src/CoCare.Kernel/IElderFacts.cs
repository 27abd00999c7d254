namespace CoCare.Kernel;

/// <summary>
/// What other modules may know of an elder to serve them: no ID number, phone or address. <see cref="Categories"/>
/// holds the category codes (e.g. <c>SubsistenceAllowance</c>, and <c>AdvancedAge</c> from 80); the capability level
/// is null when not assessed or when the elder withdrew consent to health data.
/// </summary>
public sealed record ElderFacts(Guid Id, string Name, string VillageCode, DateOnly BirthDate, IReadOnlyList<string> Categories, string? CapabilityLevel)
{
    public int AgeOn(DateOnly day) => Age.On(BirthDate, day);
}

/// <summary>Whole years of age, as the ID card and every subsidy rule count them.</summary>
public static class Age
{
    public static int On(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate.AddYears(age) > day ? age - 1 : age;
    }
}

/// <summary>The Residents module's answer about an elder, for services, canteens and alerts.</summary>
public interface IElderFacts
{
    /// <summary>The elder when active and in the caller's regions; otherwise null (callers answer 404).</summary>
    Task<ElderFacts?> FindAsync(Guid elderId, CancellationToken ct);
}
