using CoCare.Kernel;
using Microsoft.AspNetCore.Authorization;

namespace CoCare.Volunteers;

/// <summary>Authorization policies of the Volunteers module (the handlers check regions and ownership).</summary>
public static class VolunteersPolicies
{
    /// <summary>Signed in: volunteers see their own shifts and account, coordinators their regions.</summary>
    public const string Read = "Volunteers.Read";

    /// <summary>Run the ledger check: administrators, auditors, the purchaser and the coordinators.</summary>
    public const string Verify = "Volunteers.Verify";

    internal static void Register(AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.RequireAuthenticatedUser())
        .AddPolicy(Verify, p => p.RequireRole(Roles.PlatformAdmin, Roles.Auditor, Roles.Purchaser, Roles.Provider, Roles.VillageCommittee));
}
