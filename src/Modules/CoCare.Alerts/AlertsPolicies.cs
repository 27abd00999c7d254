using CoCare.Kernel;
using Microsoft.AspNetCore.Authorization;

namespace CoCare.Alerts;

/// <summary>Authorization policies of the Alerts module: who sees devices and alerts, who registers devices (the handlers check regions).</summary>
public static class AlertsPolicies
{
    public const string Read = "Alerts.Read";
    public const string Manage = "Alerts.Manage";

    internal static void Register(AuthorizationBuilder builder)
    {
        builder.AddPolicy(Read, p => p.RequireRole(Roles.PlatformAdmin, Roles.Purchaser, Roles.Provider, Roles.VillageCommittee, Roles.Auditor));
        builder.AddPolicy(Manage, p => p.RequireRole(Roles.PlatformAdmin, Roles.Provider, Roles.VillageCommittee));
    }
}
