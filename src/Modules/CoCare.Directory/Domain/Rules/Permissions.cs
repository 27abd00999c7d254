using CoCare.Kernel;

namespace CoCare.Directory.Domain.Rules;

/// <summary>
/// Who may change the directory, checked in the handlers as well as on the endpoints, so the back office
/// (which calls handlers directly) and the API enforce the same rule.
/// </summary>
public static class Permissions
{
    public static void RequireAdministrator(CurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            throw DomainException.Forbidden("Scope.NotAllowed");
        }
    }

    public static void RequireManager(CurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin && !actor.IsInRole(Roles.Purchaser))
        {
            throw DomainException.Forbidden("Scope.NotAllowed");
        }
    }
}
