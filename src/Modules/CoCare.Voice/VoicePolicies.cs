using Microsoft.AspNetCore.Authorization;

namespace CoCare.Voice;

/// <summary>Authorization policies of the Voice module (the handlers check roles, regions and the roll).</summary>
public static class VoicePolicies
{
    public const string Read = "Voice.Read";

    internal static void Register(AuthorizationBuilder builder) => builder.AddPolicy(Read, p => p.RequireAuthenticatedUser());
}
