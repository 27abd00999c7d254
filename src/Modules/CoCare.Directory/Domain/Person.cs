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

    /// <summary>An elder-care worker (养老服务从业人员): counted by the certified-caregiver ratio.</summary>
    public bool CareWorker { get; private set; }

    /// <summary>The number of the worker's elder-care certificate (养老护理员职业技能等级证书), when held.</summary>
    public string? CaregiverCertificate { get; private set; }

    /// <summary>Where a care worker works (a village, community or wider region): decides urban or rural.</summary>
    public string? WorkRegionCode { get; private set; }

    public void Change(string name, Guid organizationId, string? position)
    {
        Name = name;
        OrganizationId = organizationId;
        Position = position;
    }

    public void SetActive(bool active) => IsActive = active;

    /// <summary>Marks the person as a care worker working in <paramref name="workRegionCode"/>, with a certificate or none; a person who is no care worker holds neither.</summary>
    public void DescribeCare(bool careWorker, string? certificate, string? workRegionCode)
    {
        if (!careWorker && (certificate is not null || workRegionCode is not null))
        {
            throw new DomainException("Person.NotCareWorker", ErrorKind.Validation, "caregiverCertificate");
        }

        if (careWorker && workRegionCode is null)
        {
            throw new DomainException("Person.WorkRegion", ErrorKind.Validation, "workRegionCode");
        }

        (CareWorker, CaregiverCertificate, WorkRegionCode) = (careWorker, certificate, workRegionCode);
    }
}
