using Microsoft.AspNetCore.Authorization;

namespace CoCare.Network;

/// <summary>Authorization policies of the Network module (the handlers check roles and regions for writes).</summary>
public static class NetworkPolicies
{
    public const string Read = "Network.Read";

    internal static void Register(AuthorizationBuilder builder) => builder.AddPolicy(Read, p => p.RequireAuthenticatedUser());
}
