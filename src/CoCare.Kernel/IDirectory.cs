namespace CoCare.Kernel;

/// <summary>An organization as other modules see it.</summary>
public sealed record OrganizationInfo(Guid Id, string Name, string RegionCode, string Type, bool IsActive);

/// <summary>A region as other modules see it: its level and whether it is urban (a community, a street) or rural.</summary>
public sealed record RegionFacts(string Code, string Name, RegionLevel Level, string? ParentCode, bool Urban);

/// <summary>
/// What the Directory module tells other modules (its public service): regions, organizations and who
/// belongs where. Other modules never read the directory's tables.
/// </summary>
public interface IDirectory
{
    Task<bool> RegionExistsAsync(string code, CancellationToken ct);

    /// <summary>Active regions in the subtrees of <paramref name="scopeCodes"/> (all when null), by code, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<(string Code, string Name)>> RegionsUnderAsync(IReadOnlyList<string>? scopeCodes, int max, CancellationToken ct);

    /// <summary>Every active region in the subtree of <paramref name="code"/> (itself included), by code.</summary>
    Task<IReadOnlyList<RegionFacts>> RegionTreeAsync(string code, CancellationToken ct);

    Task<OrganizationInfo?> FindOrganizationAsync(Guid id, CancellationToken ct);

    Task<IReadOnlyDictionary<Guid, OrganizationInfo>> OrganizationsAsync(IEnumerable<Guid> ids, CancellationToken ct);

    /// <summary>Active organizations of a type (e.g. <c>Evaluator</c>), by name, at most 200.</summary>
    Task<IReadOnlyList<OrganizationInfo>> OrganizationsOfTypeAsync(string type, CancellationToken ct);

    /// <summary>Display names of accounts by id (for signatures, reviewers).</summary>
    Task<IReadOnlyDictionary<string, string>> AccountNamesAsync(IEnumerable<string> accountIds, CancellationToken ct);

    /// <summary>Active accounts holding one of <paramref name="roles"/> whose scope lies within <paramref name="regionCode"/> or covers it, by name.</summary>
    Task<IReadOnlyList<(string Id, string Name)>> AccountsWithRolesAsync(IReadOnlyList<string> roles, string regionCode, CancellationToken ct);
}
