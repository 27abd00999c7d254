using CoCare.Kernel;
using Microsoft.AspNetCore.Authorization;

namespace CoCare.Procurement;

/// <summary>Authorization policies of the Procurement module; handlers add the per-record checks (whose project, which party).</summary>
public static class ProcurementPolicies
{
    /// <summary>Read projects, applications one may see, contracts one is party to.</summary>
    public const string Read = "Procurement.Read";

    /// <summary>Run a purchase: projects, calls, review, award, contracts.</summary>
    public const string Purchase = "Procurement.Purchase";

    /// <summary>Apply to calls.</summary>
    public const string Apply = "Procurement.Apply";

    /// <summary>Sign and amend contracts as one of the two parties.</summary>
    public const string Contract = "Procurement.Contract";

    internal static void Register(AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.RequireRole(Roles.PlatformAdmin, Roles.Purchaser, Roles.Provider, Roles.Evaluator, Roles.Auditor))
        .AddPolicy(Purchase, p => p.RequireRole(Roles.PlatformAdmin, Roles.Purchaser))
        .AddPolicy(Apply, p => p.RequireRole(Roles.Provider))
        .AddPolicy(Contract, p => p.RequireRole(Roles.Purchaser, Roles.Provider));
}
