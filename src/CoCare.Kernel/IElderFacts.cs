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

/// <summary>
/// An elder as a responder sees them: name, age, address and phone, family to call, and key health notes — codes such as
/// <c>Dementia</c>, <c>PsychiatricDiagnosis</c>, <c>CareRiskEvents</c> (falls or other care-risk events in the last 30 days
/// of the latest assessment) and <c>LivingAlone</c>.
/// </summary>
public sealed record ResponderBrief(Guid Id, string Name, int Age, string? Address, string? Phone, GeoPoint? Home, IReadOnlyList<ResponderContact> Family,
    string? CapabilityLevel, IReadOnlyList<string> HealthNotes);

public sealed record ResponderContact(string Name, string Relation, string Phone);

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

    /// <summary>The active elder holding service card <paramref name="cardNumber"/> in the caller's regions, or null.</summary>
    Task<ElderFacts?> FindByCardAsync(string cardNumber, CancellationToken ct);

    /// <summary>Active elders in the caller's regions (and under <paramref name="regionCode"/> when given) whose name contains <paramref name="name"/>, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<ElderFacts>> FindByNameAsync(string name, string? regionCode, int take, CancellationToken ct);

    /// <summary>The masked names (<see cref="Masking.Name"/>) of those of the elders the caller may see, for lists and exports.</summary>
    Task<IReadOnlyDictionary<Guid, string>> MaskedNamesAsync(IReadOnlyCollection<Guid> elderIds, CancellationToken ct);

    /// <summary>Where the elders live (for routes and the far-from-home check); elders without a location are left out.</summary>
    Task<IReadOnlyDictionary<Guid, GeoPoint>> HomesAsync(IReadOnlyCollection<Guid> elderIds, CancellationToken ct);

    /// <summary>
    /// What a responder on the way to an alert needs of the elder: where they live, whom to call, and what to watch for
    /// (health notes only with the elder's consent to health data). No region scope applies — the caller has checked that
    /// the alert reached this person — and the read is audit-logged as a read of the elder's full record. Null when unknown.
    /// </summary>
    Task<ResponderBrief?> ResponderBriefAsync(Guid elderId, CancellationToken ct);

    /// <summary>Whether <paramref name="code"/> is the confirmation code printed on the elder's service card.</summary>
    Task<bool> ConfirmationCodeMatchesAsync(Guid elderId, string code, CancellationToken ct);
}

/// <summary>A point on the earth (WGS-84 degrees), as a phone reports it or a home is located.</summary>
public sealed record GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMeters = 6_371_000;

    /// <summary>Both parts in range (NaN is not).</summary>
    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;

    /// <summary>Great-circle distance (haversine) in metres.</summary>
    public double MetersTo(GeoPoint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
