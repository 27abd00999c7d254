namespace CoCare.Kernel;

/// <summary>
/// What a rule from a village decision says about one elder at the canteen: excluded, or admitted on a condition.
/// It always names the rule and the decision (and the meeting that took it), so the counter can say why.
/// </summary>
public sealed record CanteenRuling(bool Admitted, string? Condition, Guid RuleId, Guid DecisionId, string DecisionTitle, string MeetingTitle, DateOnly DecidedOn);

/// <summary>A rule from a decision giving elders of a category priority for services in a region.</summary>
public sealed record ServicePriority(string Category, string RegionCode, Guid RuleId, Guid DecisionId, string DecisionTitle);

/// <summary>
/// A decision an assembly took: what, where, when, whether it still holds, and whether it concerns a named person (a
/// canteen rule about one elder), whose title the public must not read.
/// </summary>
public sealed record DecisionFacts(Guid Id, string Title, string MeetingTitle, string RegionCode, bool Carried, DateOnly DecidedOn, bool Withdrawn, bool ConcernsPerson);

/// <summary>The Voice module's answer about the rules villagers decided, for the canteen and service orders.</summary>
public interface IVoiceRules
{
    /// <summary>The canteen rule in force for the elder on <paramref name="day"/>, or null when no decision concerns them.</summary>
    Task<CanteenRuling?> CanteenRulingAsync(Guid elderId, DateOnly day, CancellationToken ct);

    /// <summary>The service-priority rules in force in <paramref name="regionCode"/> (or a region above it) on <paramref name="day"/>.</summary>
    Task<IReadOnlyList<ServicePriority>> ServicePrioritiesAsync(string regionCode, DateOnly day, CancellationToken ct);

    /// <summary>Decisions taken in the subtree of <paramref name="regionCode"/>, newest first, at most <paramref name="max"/> (public, for the transparency portal).</summary>
    Task<IReadOnlyList<DecisionFacts>> DecisionsAsync(string regionCode, int max, CancellationToken ct);
}
