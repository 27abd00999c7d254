namespace CoCare.Procurement.Domain;

public enum FundingSource
{
    CentralFinance,
    Provincial,
    County,
    Other,
}

/// <summary>What kind of thing an item buys. Only services may be bought (财政部令第102号); the rest are the negative list.</summary>
public enum PurchaseCategory
{
    Service,
    Works,
    Goods,
    Financing,
    StaffingDispatch,
    CoreGovernmentDuty,
}

public enum Comparison
{
    AtLeast,
    AtMost,
}

public enum PhaseTrigger
{
    OnSigning,
    AfterEvaluation,
}

public enum EvaluationKind
{
    MidTerm,
    Final,
}

/// <summary>A line of what is bought: service type (e.g. Meals), unit, quantity and unit price in fen.</summary>
public sealed record ServiceItem(string ServiceType, PurchaseCategory Category, string Unit, long Quantity, long UnitPriceFen)
{
    public long TotalFen => checked(Quantity * UnitPriceFen);
}

/// <summary>A promised KPI value, e.g. servicePersonTimes AtLeast 10000 or satisfactionRate AtLeast 0.9.</summary>
public sealed record KpiTarget(string Kpi, Comparison Comparison, double Target)
{
    public bool IsMetBy(double actual) => Comparison == Comparison.AtLeast ? actual >= Target : actual <= Target;
}

/// <summary>
/// A share of the contract amount (basis points, 10000 = 100%) paid on signing or after an evaluation;
/// after an evaluation the whole phase is paid at <see cref="FullShareAtScore"/> or more, nothing below
/// <see cref="ZeroBelowScore"/>, pro rata between.
/// </summary>
public sealed record PaymentPhase(string Name, int ShareBasisPoints, PhaseTrigger Trigger, int? EvaluationNumber, int FullShareAtScore = 80, int ZeroBelowScore = 60);

/// <summary>A planned evaluation (numbered from 1 in the plan's order).</summary>
public sealed record PlannedEvaluation(EvaluationKind Kind, string Name, DateOnly DueDate);

/// <summary>A weighted criterion reviewers score applications on (0..100).</summary>
public sealed record ReviewCriterion(string Name, int WeightPercent);
