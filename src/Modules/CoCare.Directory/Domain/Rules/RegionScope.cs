using CoCare.Kernel;

namespace CoCare.Directory.Domain.Rules;

/// <summary>An account sees its own organizations and whatever lies in the regions its memberships grant.</summary>
public static class RegionScope
{
    public static bool Covers(CurrentActor actor, string regionCode) =>
        actor.Covers(regionCode);

    public static bool CanSee(CurrentActor actor, Guid organizationId, string regionCode) =>
        Covers(actor, regionCode) || actor.OrganizationIds.Contains(organizationId);
}
