using Microsoft.AspNetCore.Authorization;

namespace CoCare.Evaluation;

/// <summary>Authorization policies of the Evaluation module (the handlers check which party may take each step).</summary>
public static class EvaluationPolicies
{
    public const string Read = "Evaluation.Read";

    internal static void Register(AuthorizationBuilder builder) => builder.AddPolicy(Read, p => p.RequireAuthenticatedUser());
}
