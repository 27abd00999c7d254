using CoCare.Kernel;

namespace CoCare.Directory.Domain.Rules;

/// <summary>An account sees its own organizations and whatever lies in the regions its memberships grant.</summary>
public static class RegionScope
{
    public static bool Covers(CurrentActor actor, string regionCode) =>
        actor.IsPlatformAdmin || actor.ScopeRegions.Any(scope => RegionCode.IsWithin(regionCode, scope));

    public static bool CanSee(CurrentActor actor, Guid organizationId, string regionCode) =>
        Covers(actor, regionCode) || actor.OrganizationIds.Contains(organizationId);
}
