using System.Globalization;
using CoCare.Kernel;

namespace CoCare.Services.Domain;

public enum ServiceUnit
{
    Meal,
    Visit,
    Hour,
}

/// <summary>
/// A service in the catalogue (服务目录): the 六助 and the others a contract may buy. Its minimum plausible duration is
/// what a delivery must last before it stops looking like a shortened visit.
/// </summary>
public sealed class ServiceType : Entity
{
    private ServiceType()
    {
    }

    public ServiceType(string code) => Code = code;

    /// <summary>A stable code (<c>Meals</c>, <c>Cleaning</c> …), the same as the need categories where one exists.</summary>
    public string Code { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    /// <summary>One of the six helps (六助): meals, cleaning, bathing, medical, mobility, emergency.</summary>
    public bool IsSixHelps { get; private set; }

    public ServiceUnit Unit { get; private set; }

    public int StandardMinutes { get; private set; }

    public int MinimumMinutes { get; private set; }

    public long ListPriceFen { get; private set; }

    public bool IsActive { get; private set; } = true;

    /// <summary>The skill (a volunteer skill code) that lets a volunteer deliver this service; null when only staff may (bathing, cleaning …).</summary>
    public string? VolunteerSkill { get; private set; }

    public Money ListPrice => new(ListPriceFen);

    public void Describe(string nameZh, string nameEn, bool sixHelps, ServiceUnit unit, int standardMinutes, int minimumMinutes, long listPriceFen, bool active)
    {
        if (minimumMinutes < 0 || standardMinutes < 0 || minimumMinutes > standardMinutes || standardMinutes > 24 * 60)
        {
            throw new DomainException("ServiceType.Minutes", ErrorKind.Validation, "minimumMinutes");
        }

        if (listPriceFen is < 0 or > 100_000_00)
        {
            throw new DomainException("ServiceType.Price", ErrorKind.Validation, "listPriceFen");
        }

        (NameZh, NameEn, IsSixHelps, Unit, StandardMinutes, MinimumMinutes, ListPriceFen, IsActive) =
            (nameZh, nameEn, sixHelps, unit, standardMinutes, minimumMinutes, listPriceFen, active);
    }

    /// <summary>The name in the current UI language.</summary>
    public string DisplayName() => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? NameZh : NameEn;

    public void LetVolunteersWith(string? skill) => VolunteerSkill = string.IsNullOrWhiteSpace(skill) ? null : skill;
}
