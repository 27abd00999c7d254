using CoCare.Kernel;

namespace CoCare.Evaluation.Domain;

/// <summary>How a leaf indicator is scored.</summary>
public enum ScoringMethod
{
    /// <summary>The evaluator's judgement, 0 to the maximum, with a comment.</summary>
    Judgement,

    /// <summary>Full marks at <see cref="Indicator.FullAt"/> or beyond, none at <see cref="Indicator.ZeroAt"/> or short of it, linear between.</summary>
    Linear,

    /// <summary>Full marks at <see cref="Indicator.FullAt"/> or beyond, none otherwise (the side "beyond" is away from <see cref="Indicator.ZeroAt"/>).</summary>
    Threshold,
}

public enum Grade
{
    Excellent,
    Good,
    Fair,
    Poor,
}

/// <summary>
/// One node of an indicator system (绩效评价指标). <see cref="MaxScore"/> is its weight: the first level's add up to 100
/// and every node's children to the node. A leaf is scored by judgement or by a formula over a platform figure
/// (<see cref="Kpi"/>: a KPI, an evidence metric, or <c>completion:KPI</c> — the KPI's value ÷ its contract target
/// pro-rated to the part of the contract period the evidence covers).
/// </summary>
public sealed record Indicator(string Code, string? Parent, string NameZh, string NameEn, decimal MaxScore, ScoringMethod Method = ScoringMethod.Judgement,
    string? Kpi = null, double? FullAt = null, double? ZeroAt = null)
{
    public const string CompletionPrefix = "completion:";

    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>The rules of an indicator tree: its shape and weights, formula scores and grades.</summary>
public static class IndicatorTree
{
    public const decimal Total = 100m;
    public const int MaxDepth = 3;

    /// <summary>Throws the first thing wrong with the tree (codes, parents, depth, weights, formulas).</summary>
    public static void Validate(IReadOnlyList<Indicator> indicators)
    {
        if (indicators is not { Count: > 0 and <= 200 })
        {
            throw new DomainException("Indicator.Empty", ErrorKind.Validation, "indicators");
        }

        var byCode = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (var i in indicators)
        {
            if (string.IsNullOrWhiteSpace(i.Code) || i.Code.Length > 20 || string.IsNullOrWhiteSpace(i.NameZh) || i.NameZh.Length > 60 || string.IsNullOrWhiteSpace(i.NameEn)
                || i.NameEn.Length > 100 || !byCode.TryAdd(i.Code, i))
            {
                throw new DomainException("Indicator.Code", ErrorKind.Validation, "indicators", i.Code ?? "");
            }

            if (i.MaxScore <= 0 || i.MaxScore > Total || decimal.Round(i.MaxScore, 2) != i.MaxScore)
            {
                throw new DomainException("Indicator.MaxScore", ErrorKind.Validation, "indicators", i.NameZh);
            }
        }

        foreach (var i in indicators)
        {
            if (Depth(i, byCode) is not (>= 1 and <= MaxDepth))
            {
                throw new DomainException("Indicator.Parent", ErrorKind.Validation, "indicators", i.NameZh);
            }
        }

        var top = indicators.Where(i => i.Parent is null).Sum(i => i.MaxScore);
        if (top != Total)
        {
            throw new DomainException("Indicator.Weights", ErrorKind.Validation, "indicators", "—", top, Total);
        }

        foreach (var parent in indicators)
        {
            var children = indicators.Where(c => c.Parent == parent.Code).ToList();
            if (children.Count > 0 && children.Sum(c => c.MaxScore) != parent.MaxScore)
            {
                throw new DomainException("Indicator.Weights", ErrorKind.Validation, "indicators", parent.NameZh, children.Sum(c => c.MaxScore), parent.MaxScore);
            }

            if (children.Count == 0 && parent.Method != ScoringMethod.Judgement && !IsValidFormula(parent))
            {
                throw new DomainException("Indicator.Formula", ErrorKind.Validation, "indicators", parent.NameZh);
            }
        }
    }

    /// <summary>The indicators that are scored (no children), in the tree's order.</summary>
    public static IReadOnlyList<Indicator> Leaves(IReadOnlyList<Indicator> indicators) =>
        indicators.Where(i => !indicators.Any(c => c.Parent == i.Code)).ToList();

    /// <summary>A formula leaf's score for <paramref name="value"/>, to two decimals.</summary>
    public static decimal FormulaScore(Indicator leaf, double value)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var (full, zero) = (leaf.FullAt!.Value, leaf.ZeroAt!.Value);
        var higherIsBetter = full >= zero;
        var reached = higherIsBetter ? value >= full : value <= full;
        if (reached)
        {
            return leaf.MaxScore;
        }

        if (leaf.Method == ScoringMethod.Threshold || (higherIsBetter ? value <= zero : value >= zero))
        {
            return 0m;
        }

        var fraction = (value - zero) / (full - zero);
        return decimal.Round(leaf.MaxScore * (decimal)fraction, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>优 ≥ 90, 良 80–89, 中 60–79, 差 &lt; 60.</summary>
    public static Grade GradeOf(decimal total) => total switch
    {
        >= 90 => Grade.Excellent,
        >= 80 => Grade.Good,
        >= 60 => Grade.Fair,
        _ => Grade.Poor,
    };

    /// <summary>Whether <paramref name="code"/> names a figure a formula may use.</summary>
    public static bool IsKnownFigure(string? code) =>
        code is not null && (Kpis.IsKnown(code) || code is EvidenceMetrics.Complaints or EvidenceMetrics.FeedbackOnTimeRate or EvidenceMetrics.HomeServices or EvidenceMetrics.CanteenMeals
            or Evidence.BudgetExecution || (code.StartsWith(Indicator.CompletionPrefix, StringComparison.Ordinal) && Kpis.IsKnown(code[Indicator.CompletionPrefix.Length..])));

    private static bool IsValidFormula(Indicator leaf) =>
        IsKnownFigure(leaf.Kpi) && leaf.FullAt is { } full && leaf.ZeroAt is { } zero && double.IsFinite(full) && double.IsFinite(zero) && (leaf.Method == ScoringMethod.Threshold || full != zero);

    private static int Depth(Indicator i, Dictionary<string, Indicator> byCode)
    {
        var depth = 1;
        for (var p = i.Parent; p is not null; p = byCode.TryGetValue(p, out var parent) ? parent.Parent : null)
        {
            if (!byCode.ContainsKey(p) || ++depth > MaxDepth)
            {
                return 0;
            }
        }

        return depth;
    }
}
