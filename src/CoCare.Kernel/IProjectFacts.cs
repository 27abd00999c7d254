namespace CoCare.Kernel;

/// <summary>One thing a contract promises, as a line for the responsibility list: a stable key, what and by when.</summary>
/// <param name="Key">Stable within the project (e.g. <c>item:Meals</c>, <c>kpi:meals</c>, <c>evaluation:1</c>), so a list is generated once.</param>
/// <param name="Kind">Item, Kpi or Evaluation.</param>
/// <param name="Subject">The service type, the KPI name or the evaluation's name.</param>
/// <param name="Amount">The quantity and unit of an item, or the comparison and target of a KPI ("≥ 7500"); empty for an evaluation.</param>
public sealed record Deliverable(string Key, string Kind, string Subject, string Amount, DateOnly DueOn);

/// <summary>
/// What other modules may know of a purchase project: its regions, the purchaser, the provider once a contract
/// exists, and the contract's deliverables (from the terms in force).
/// </summary>
public sealed record ProjectFacts(Guid Id, string Title, IReadOnlyList<string> RegionCodes, Guid PurchaserOrganizationId, Guid? ProviderOrganizationId,
    DateOnly StartDate, DateOnly EndDate, IReadOnlyList<Deliverable> Deliverables)
{
    /// <summary>Whether <paramref name="regionCode"/> is one of the project's regions or lies inside one.</summary>
    public bool Covers(string regionCode) => RegionCodes.Any(r => RegionCode.IsWithin(regionCode, r));
}

/// <summary>The Procurement module's answer about a project, for the responsibility list, shifts and contributions.</summary>
public interface IProjectFacts
{
    /// <summary>The project with its contract's deliverables (none while no contract is in force); null when there is no such project.</summary>
    Task<ProjectFacts?> FindAsync(Guid projectId, CancellationToken ct);

    /// <summary>Whether a contract with this id exists (feedback may name the contract it is about).</summary>
    Task<bool> ContractExistsAsync(Guid contractId, CancellationToken ct);

    /// <summary>Projects with a contract in force whose regions hold or lie under <paramref name="regionCode"/>, by title (at most 100).</summary>
    Task<IReadOnlyList<(Guid Id, string Title)>> ContractedInAsync(string regionCode, CancellationToken ct);
}
