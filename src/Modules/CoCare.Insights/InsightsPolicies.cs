using Microsoft.AspNetCore.Authorization;

namespace CoCare.Insights;

/// <summary>Authorization policies of the Insights module: any signed-in account reads the KPIs of its own regions (the handlers narrow the scope).</summary>
public static class InsightsPolicies
{
    public const string Read = "Insights.Read";

    internal static void Register(AuthorizationBuilder builder) => builder.AddPolicy(Read, p => p.RequireAuthenticatedUser());
}
