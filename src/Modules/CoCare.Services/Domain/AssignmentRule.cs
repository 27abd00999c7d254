using CoCare.Kernel;

namespace CoCare.Services.Domain;

/// <summary>
/// Who may be given an order (派单): staff of the provider or the village committee whose scope holds the elder's
/// village, or a volunteer who serves that village and has the skill the service asks of volunteers. Services with
/// no volunteer skill (bathing, cleaning, medical care …) are for staff only.
/// </summary>
public static class AssignmentRule
{
    /// <summary>Why <paramref name="name"/> may not take this order, or null when they may.</summary>
    public static DomainException? Refusal(ServiceType type, string serviceName, string villageCode, string name, bool isStaffThere, VolunteerFacts? volunteer)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (isStaffThere)
        {
            return null;
        }

        if (volunteer is null || !(RegionCode.IsWithin(villageCode, volunteer.RegionCode) || RegionCode.IsWithin(volunteer.RegionCode, villageCode)))
        {
            return new DomainException("Order.WorkerNotHere", ErrorKind.Validation, "workerId", name);
        }

        if (type.VolunteerSkill is not { } skill)
        {
            return new DomainException("Order.StaffService", ErrorKind.Validation, "workerId", serviceName);
        }

        return volunteer.Skills.Contains(skill, StringComparer.Ordinal) ? null
            : new DomainException("Order.WorkerLacksSkill", ErrorKind.Validation, "workerId", name, serviceName);
    }
}
