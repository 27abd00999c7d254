using CoCare.Kernel;

namespace CoCare.Directory.Domain;

public enum OrganizationType
{
    GovernmentDepartment,
    SocialOrganization,
    VillageCommittee,
    ResidentAssociation,
    VolunteerTeam,
    Enterprise,
    University,
    Evaluator,
}

/// <summary>An organization attached to the region it serves or sits in.</summary>
public sealed class Organization : Entity
{
    private Organization()
    {
    }

    public Organization(string name, OrganizationType type, string regionCode)
    {
        Name = name;
        Type = type;
        RegionCode = regionCode;
    }

    public string Name { get; private set; } = "";

    public OrganizationType Type { get; private set; }

    public string RegionCode { get; private set; } = "";

    public bool IsActive { get; private set; } = true;

    public void Change(string name, OrganizationType type, string regionCode)
    {
        Name = name;
        Type = type;
        RegionCode = regionCode;
    }

    public void SetActive(bool active) => IsActive = active;
}
