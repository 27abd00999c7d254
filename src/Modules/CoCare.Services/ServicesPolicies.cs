using CoCare.Kernel;
using Microsoft.AspNetCore.Authorization;

namespace CoCare.Services;

/// <summary>Authorization policies of the Services module.</summary>
public static class ServicesPolicies
{
    /// <summary>See the catalogue and its subsidy rules (public knowledge for everyone signed in).</summary>
    public const string Read = "Services.Read";

    /// <summary>Change the catalogue and the subsidy rules: the purchaser sets the policy.</summary>
    public const string Catalogue = "Services.Catalogue";

    internal static void Register(AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.RequireAuthenticatedUser())
        .AddPolicy(Catalogue, p => p.RequireRole(Roles.PlatformAdmin, Roles.Purchaser));
}
