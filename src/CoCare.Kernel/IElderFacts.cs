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

    /// <summary>The active elder holding service card <paramref name="cardNumber"/> in the caller's regions, or null.</summary>
    Task<ElderFacts?> FindByCardAsync(string cardNumber, CancellationToken ct);

    /// <summary>Active elders in the caller's regions (and under <paramref name="regionCode"/> when given) whose name contains <paramref name="name"/>, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<ElderFacts>> FindByNameAsync(string name, string? regionCode, int take, CancellationToken ct);

    /// <summary>Where the elders live (for routes and the far-from-home check); elders without a location are left out.</summary>
    Task<IReadOnlyDictionary<Guid, GeoPoint>> HomesAsync(IReadOnlyCollection<Guid> elderIds, CancellationToken ct);

    /// <summary>Whether <paramref name="code"/> is the confirmation code printed on the elder's service card.</summary>
    Task<bool> ConfirmationCodeMatchesAsync(Guid elderId, string code, CancellationToken ct);
}

/// <summary>A point on the earth (WGS-84 degrees), as a phone reports it or a home is located.</summary>
public sealed record GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMeters = 6_371_000;

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
