namespace CoCare.Kernel;

/// <summary>A partnership interaction (joint visit, training, knowledge sharing, joint meeting) between organizations.</summary>
public sealed record InteractionFacts(Guid Id, string Kind, DateOnly On, Guid? ProjectId, IReadOnlyList<Guid> OrganizationIds, string RegionCode);

/// <summary>A valued contribution: who gave it, for which project, whether it is government money, and its value.</summary>
public sealed record ContributionFacts(Guid Id, DateOnly On, string Kind, bool GovernmentFunds, Guid? ContributorOrganizationId, Guid? ProjectId, long ValueFen);

/// <summary>The Network module's answer about partnerships, for the cooperation view and project reviews in Insights.</summary>
public interface INetworkFacts
{
    /// <summary>Interactions recorded in the subtrees of <paramref name="regionCodes"/>, oldest first, at most 5,000.</summary>
    Task<IReadOnlyList<InteractionFacts>> InteractionsAsync(IReadOnlyList<string> regionCodes, CancellationToken ct);

    /// <summary>Contributions recorded in the subtrees of <paramref name="regionCodes"/>, oldest first, at most 5,000.</summary>
    Task<IReadOnlyList<ContributionFacts>> ContributionsAsync(IReadOnlyList<string> regionCodes, CancellationToken ct);
}
