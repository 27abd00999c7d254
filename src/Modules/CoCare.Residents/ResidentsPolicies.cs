using CoCare.Kernel;
using Microsoft.AspNetCore.Authorization;

namespace CoCare.Residents;

/// <summary>Authorization policies of the Residents module; handlers add scope (404 outside one's regions) and full-record checks.</summary>
public static class ResidentsPolicies
{
    /// <summary>See elders (masked) in one's regions.</summary>
    public const string Read = "Residents.Read";

    /// <summary>Record and change elders and their assessments.</summary>
    public const string Manage = "Residents.Manage";

    internal static void Register(AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.RequireRole(Roles.PlatformAdmin, Roles.Provider, Roles.VillageCommittee, Roles.ResidentOrganization, Roles.DataProtectionOfficer))
        .AddPolicy(Manage, p => p.RequireRole(Roles.PlatformAdmin, Roles.Provider, Roles.VillageCommittee));
}
