using CoCare.Kernel;

namespace CoCare.Directory.Domain;

/// <summary>A person who works in or for an organization (staff, cadre, volunteer, evaluator).</summary>
public sealed class Person : Entity
{
    private Person()
    {
    }

    public Person(string name, Guid organizationId, string? position)
    {
        Name = name;
        OrganizationId = organizationId;
        Position = position;
    }

    public string Name { get; private set; } = "";

    public Guid OrganizationId { get; private set; }

    /// <summary>Job title, e.g. 社工 (social worker), 村支书 (village party secretary).</summary>
    public string? Position { get; private set; }

    public bool IsActive { get; private set; } = true;

    public void Change(string name, Guid organizationId, string? position)
    {
        Name = name;
        OrganizationId = organizationId;
        Position = position;
    }

    public void SetActive(bool active) => IsActive = active;
}
