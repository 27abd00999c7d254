using CoCare.Kernel;

namespace CoCare.Volunteers.Features;

/// <summary>Who organizes volunteers: the provider's staff, the village committee and resident organizations (and administrators), each within their regions.</summary>
internal static class Coordinators
{
    public static bool IsCoordinator(CurrentActor actor) =>
        actor.IsPlatformAdmin || actor.IsInRole(Roles.Provider) || actor.IsInRole(Roles.VillageCommittee) || actor.IsInRole(Roles.ResidentOrganization);

    public static void Require(CurrentActor actor, string regionCode)
    {
        if (!IsCoordinator(actor) || !actor.Covers(regionCode))
        {
            throw DomainException.Forbidden("Volunteers.CoordinatorsOnly");
        }
    }
}
