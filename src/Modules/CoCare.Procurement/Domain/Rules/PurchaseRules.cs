namespace CoCare.Procurement.Domain.Rules;

/// <summary>
/// The rules of the Ministry of Finance measures on government purchase of services (财政部令第102号)
/// that CoCare enforces on a purchase project.
/// </summary>
public static class PurchaseRules
{
    public const int WholeInBasisPoints = 10_000;

    /// <summary>Works, goods, financing, staffing/labour dispatch and the government's own core duties may not be bought as services.</summary>
    public static bool IsOnNegativeList(PurchaseCategory category) => category != PurchaseCategory.Service;

    /// <summary>A contract runs at most one year, or three when the service is stable, recurring and its budget assured.</summary>
    public static int MaxTermYears(bool recurringWithAssuredBudget) => recurringWithAssuredBudget ? 3 : 1;

    public static IEnumerable<RuleViolation> Check(
        long budgetFen,
        DateOnly start,
        DateOnly end,
        bool recurringWithAssuredBudget,
        IReadOnlyList<ServiceItem> items,
        IReadOnlyList<PaymentPhase> phases,
        IReadOnlyList<PlannedEvaluation> evaluations,
        IReadOnlyList<ReviewCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentNullException.ThrowIfNull(criteria);

        if (budgetFen <= 0)
        {
            yield return new("budgetFen", "Project.BudgetNotPositive");
        }

        if (end <= start)
        {
            yield return new("endDate", "Project.EndBeforeStart");
        }
        else
        {
            var years = MaxTermYears(recurringWithAssuredBudget);
            if (end > start.AddYears(years))
            {
                yield return new("endDate", recurringWithAssuredBudget ? "Project.TermOverThreeYears" : "Project.TermOverOneYear");
            }
        }

        if (items.Count == 0)
        {
            yield return new("items", "Project.NoItems");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (IsOnNegativeList(items[i].Category))
            {
                yield return new($"items[{i}].category", "Project.NegativeList", items[i].ServiceType);
            }
        }

        if (budgetFen > 0 && items.All(i => i.Quantity > 0 && i.UnitPriceFen >= 0) && items.Sum(i => (decimal)i.Quantity * i.UnitPriceFen) > budgetFen)
        {
            yield return new("items", "Project.ItemsOverBudget");
        }

        if (phases.Count == 0)
        {
            yield return new("phases", "Project.NoPhases");
        }
        else if (phases.Sum(p => p.ShareBasisPoints) != WholeInBasisPoints)
        {
            yield return new("phases", "Project.PhasesNotWhole", phases.Sum(p => p.ShareBasisPoints) / 100m);
        }

        for (var i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            if (phase.ShareBasisPoints <= 0)
            {
                yield return new($"phases[{i}].sharePercent", "Project.PhaseShareNotPositive");
            }

            if (phase.Trigger == PhaseTrigger.AfterEvaluation && (phase.EvaluationNumber is null || phase.EvaluationNumber < 1 || phase.EvaluationNumber > evaluations.Count))
            {
                yield return new($"phases[{i}].evaluationNumber", "Project.PhaseEvaluationUnknown");
            }

            if (phase.ZeroBelowScore is < 0 or > 100 || phase.FullShareAtScore is < 0 or > 100 || phase.ZeroBelowScore > phase.FullShareAtScore)
            {
                yield return new($"phases[{i}].fullShareAtScore", "Project.PhaseScoreRule");
            }
        }

        for (var i = 0; i < evaluations.Count; i++)
        {
            if (end > start && (evaluations[i].DueDate < start || evaluations[i].DueDate > end.AddMonths(3)))
            {
                yield return new($"evaluations[{i}].dueDate", "Project.EvaluationOutsidePeriod");
            }
        }

        if (criteria.Count > 0 && criteria.Sum(c => c.WeightPercent) != 100)
        {
            yield return new("reviewCriteria", "Project.CriteriaNotWhole");
        }
    }

    /// <summary>The share of a phase (basis points of the contract amount) earned by an evaluation score.</summary>
    public static int EarnedShare(PaymentPhase phase, decimal score)
    {
        ArgumentNullException.ThrowIfNull(phase);
        if (phase.Trigger == PhaseTrigger.OnSigning || score >= phase.FullShareAtScore)
        {
            return phase.ShareBasisPoints;
        }

        if (score < phase.ZeroBelowScore)
        {
            return 0;
        }

        var fraction = (score - phase.ZeroBelowScore) / (phase.FullShareAtScore - phase.ZeroBelowScore);
        return (int)Math.Floor(phase.ShareBasisPoints * fraction);
    }
}
