using CoCare.Kernel;

namespace CoCare.Procurement.Features;

/// <summary>Who may do what in procurement: the purchaser's people run a project; a provider sees its own applications and contracts.</summary>
internal static class Access
{
    public static bool IsMember(CurrentActor actor, Guid organizationId) => actor.IsPlatformAdmin || actor.OrganizationIds.Contains(organizationId);

    public static bool IsPurchaserOf(CurrentActor actor, Guid purchaserOrganizationId) =>
        actor.IsPlatformAdmin || actor.HasRoleIn(Roles.Purchaser, purchaserOrganizationId);

    public static bool IsOverseer(CurrentActor actor) => actor.IsPlatformAdmin || actor.IsInRole(Roles.Evaluator) || actor.IsInRole(Roles.Auditor);

    public static void RequirePurchaserOf(CurrentActor actor, Guid purchaserOrganizationId)
    {
        if (!IsPurchaserOf(actor, purchaserOrganizationId))
        {
            throw DomainException.Forbidden("Procurement.NotPurchaser");
        }
    }
}
