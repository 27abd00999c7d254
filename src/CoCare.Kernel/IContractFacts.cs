namespace CoCare.Kernel;

/// <summary>A payment phase of a contract (numbered from 1): its share of the amount and, after an evaluation, how the score turns into money.</summary>
public sealed record PhaseFacts(int Number, string Name, int ShareBasisPoints, bool AfterEvaluation, int? EvaluationNumber, int FullShareAtScore, int ZeroBelowScore);

/// <summary>A planned evaluation of a contract (numbered from 1).</summary>
public sealed record PlannedEvaluationFacts(int Number, string Kind, string Name, DateOnly DueDate);

/// <summary>A KPI the contract promises.</summary>
public sealed record KpiTargetFacts(string Kpi, bool AtLeast, double Target);

/// <summary>A line of the awarded budget (the winning application's): what the money is for and how much.</summary>
public sealed record BudgetLineFacts(string Item, long AmountFen);

/// <summary>A contract as other modules see it, with the terms in force.</summary>
public sealed record ContractFacts(Guid Id, Guid ProjectId, string Title, string Status, Guid PurchaserOrganizationId, Guid ProviderOrganizationId,
    IReadOnlyList<string> RegionCodes, long AmountFen, DateOnly StartDate, DateOnly EndDate, DateTime? DateSigned, IReadOnlyList<KpiTargetFacts> KpiTargets,
    IReadOnlyList<PhaseFacts> Phases, IReadOnlyList<PlannedEvaluationFacts> Evaluations, IReadOnlyList<BudgetLineFacts> BudgetLines)
{
    /// <summary>Signed by both sides and not ended early: work is delivered and money may flow.</summary>
    public bool IsInForce => Status is "Signed" or "Active";

    /// <summary>Whether the contract is over (completed or terminated): nothing more may be spent against it.</summary>
    public bool IsClosed => Status is "Completed" or "Terminated";
}

/// <summary>The Procurement module's answer about contracts (for evaluations, payments and expenditures).</summary>
public interface IContractFacts
{
    Task<ContractFacts?> FindAsync(Guid contractId, CancellationToken ct);

    /// <summary>Signed contracts where <paramref name="organizationIds"/> are purchaser or provider (all when null), newest first, at most 200.</summary>
    Task<IReadOnlyList<ContractFacts>> ListAsync(IReadOnlyList<Guid>? organizationIds, CancellationToken ct);
}

/// <summary>A payment made on a contract phase.</summary>
public sealed record PaymentFacts(Guid Id, int PhaseNumber, string PhaseName, long AmountFen, DateOnly PaidOn, string Reference);

/// <summary>How a contract's milestone stands: <c>scheduled</c>, <c>met</c>, <c>partiallyMet</c> or <c>notMet</c> (the OCDS milestone status codes).</summary>
public sealed record MilestoneFacts(string Type, int Number, string Status, DateOnly? DateMet, string? Description);

/// <summary>A confirmed performance evaluation's result: the total score (of 100) and the grade (Excellent, Good, Fair, Poor).</summary>
public sealed record EvaluationResultFacts(int Number, string Name, double Total, string Grade, DateOnly ConfirmedOn);

/// <summary>The Evaluation module's answer about a contract's money: payments made and milestones reached (for the contract page and OCDS).</summary>
public interface IContractMoney
{
    Task<IReadOnlyList<PaymentFacts>> PaymentsAsync(Guid contractId, CancellationToken ct);

    /// <summary>The assessment (by evaluation number) and payment (by phase number) milestones that are no longer just scheduled.</summary>
    Task<IReadOnlyList<MilestoneFacts>> MilestonesAsync(Guid contractId, CancellationToken ct);

    /// <summary>The contract's confirmed evaluations, by number (public once confirmed).</summary>
    Task<IReadOnlyList<EvaluationResultFacts>> ResultsAsync(Guid contractId, CancellationToken ct);
}
