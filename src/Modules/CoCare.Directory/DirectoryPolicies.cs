using CoCare.Kernel;
using Microsoft.AspNetCore.Authorization;

namespace CoCare.Directory;

/// <summary>Authorization policies of the Directory module.</summary>
public static class DirectoryPolicies
{
    /// <summary>Any signed-in member of an organization may read the directory (filtered by scope).</summary>
    public const string Read = "Directory.Read";

    /// <summary>Create and change organizations and people inside one's scope.</summary>
    public const string Manage = "Directory.Manage";

    /// <summary>Regions, accounts and memberships.</summary>
    public const string Administer = "Directory.Administer";

    internal static void Register(AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
        .AddPolicy(Manage, p => p.RequireRole(Roles.PlatformAdmin, Roles.Purchaser))
        .AddPolicy(Administer, p => p.RequireRole(Roles.PlatformAdmin));
}
