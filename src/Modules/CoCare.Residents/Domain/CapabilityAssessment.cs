namespace CoCare.Residents.Domain;

/// <summary>Capability levels of GB/T 42195-2022, from intact to total loss.</summary>
public enum CapabilityLevel
{
    Intact = 0,
    Mild = 1,
    Moderate = 2,
    Severe = 3,
    Total = 4,
}

public enum CapabilityGroup
{
    SelfCare,
    Mobility,
    MentalState,
    PerceptionAndSocial,
}

/// <summary>One of the 26 assessment items: its code, first-level group and highest score.</summary>
public sealed record CapabilityItem(string Code, CapabilityGroup Group, int Max);

/// <summary>The conditions that override or raise the level found from the total.</summary>
public sealed record CapabilityConditions(bool Coma, bool Dementia, bool PsychiatricDiagnosis, int CareRiskEventsLast30Days);

/// <summary>A scored assessment: subtotals, total 0–90, the level from the table and the level after adjustments.</summary>
public sealed record CapabilityResult(
    IReadOnlyDictionary<CapabilityGroup, int> Subtotals,
    int Total,
    CapabilityLevel LevelFromTotal,
    CapabilityLevel Level,
    string? Adjustment);

/// <summary>
/// GB/T 42195-2022 scoring (see ../shared/reference/assessment): 26 items, four subtotals, a total of 0–90,
/// the level by total (90 intact, 66–89 mild, 46–65 moderate, 30–45 severe, 0–29 total loss); a coma means
/// total loss whatever the score; dementia (F00–F03), another psychiatric diagnosis (F04–F99) or two or
/// more care-risk events in 30 days raise the level by one step, at most one step, never past total loss.
/// </summary>
public static class CapabilityScoring
{
    public static readonly IReadOnlyList<CapabilityItem> Items =
    [
        new("eating", CapabilityGroup.SelfCare, 4),
        new("grooming", CapabilityGroup.SelfCare, 4),
        new("bathing", CapabilityGroup.SelfCare, 4),
        new("upperDressing", CapabilityGroup.SelfCare, 4),
        new("lowerDressing", CapabilityGroup.SelfCare, 4),
        new("bladder", CapabilityGroup.SelfCare, 4),
        new("bowel", CapabilityGroup.SelfCare, 4),
        new("toileting", CapabilityGroup.SelfCare, 4),
        new("bedPositioning", CapabilityGroup.Mobility, 4),
        new("bedChairTransfer", CapabilityGroup.Mobility, 4),
        new("walking", CapabilityGroup.Mobility, 4),
        new("stairs", CapabilityGroup.Mobility, 3),
        new("timeOrientation", CapabilityGroup.MentalState, 4),
        new("placeOrientation", CapabilityGroup.MentalState, 4),
        new("personOrientation", CapabilityGroup.MentalState, 4),
        new("memory", CapabilityGroup.MentalState, 4),
        new("understanding", CapabilityGroup.MentalState, 4),
        new("expression", CapabilityGroup.MentalState, 4),
        new("aggression", CapabilityGroup.MentalState, 1),
        new("depression", CapabilityGroup.MentalState, 1),
        new("consciousness", CapabilityGroup.MentalState, 2),
        new("vision", CapabilityGroup.PerceptionAndSocial, 2),
        new("hearing", CapabilityGroup.PerceptionAndSocial, 2),
        new("dailyTasks", CapabilityGroup.PerceptionAndSocial, 4),
        new("transport", CapabilityGroup.PerceptionAndSocial, 3),
        new("socialInteraction", CapabilityGroup.PerceptionAndSocial, 4),
    ];

    public const int MaxTotal = 90;

    public static CapabilityLevel LevelFromTotal(int total) => total switch
    {
        >= 90 => CapabilityLevel.Intact,
        >= 66 => CapabilityLevel.Mild,
        >= 46 => CapabilityLevel.Moderate,
        >= 30 => CapabilityLevel.Severe,
        _ => CapabilityLevel.Total,
    };

    /// <summary>The items at fault: missing ones, out-of-range ones, unknown codes (field, resource key, arguments).</summary>
    public static IEnumerable<(string Field, string Code, object[] Arguments)> Check(IReadOnlyDictionary<string, int> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        foreach (var item in Items)
        {
            if (!scores.TryGetValue(item.Code, out var score))
            {
                yield return ($"scores.{item.Code}", "Assessment.ItemMissing", [item.Code]);
            }
            else if (score < 0 || score > item.Max)
            {
                yield return ($"scores.{item.Code}", "Assessment.ItemOutOfRange", [item.Code, item.Max]);
            }
        }

        foreach (var code in scores.Keys.Where(k => Items.All(i => i.Code != k)))
        {
            yield return ($"scores.{code}", "Assessment.ItemUnknown", [code]);
        }
    }

    /// <summary>Scores a complete, in-range set of items (see <see cref="Check"/>).</summary>
    public static CapabilityResult Score(IReadOnlyDictionary<string, int> scores, CapabilityConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(conditions);
        if (Check(scores).Any())
        {
            throw new ArgumentException("The assessment is incomplete or out of range.", nameof(scores));
        }

        var subtotals = Items.GroupBy(i => i.Group).ToDictionary(g => g.Key, g => g.Sum(i => scores[i.Code]));
        var total = subtotals.Values.Sum();
        var fromTotal = LevelFromTotal(total);
        if (conditions.Coma)
        {
            return new CapabilityResult(subtotals, total, fromTotal, CapabilityLevel.Total, "coma");
        }

        var reason = conditions.Dementia ? "dementia"
            : conditions.PsychiatricDiagnosis ? "psychiatric"
            : conditions.CareRiskEventsLast30Days >= 2 ? "careRiskEvents"
            : null;
        var level = reason is null || fromTotal == CapabilityLevel.Total ? fromTotal : fromTotal + 1;
        return new CapabilityResult(subtotals, total, fromTotal, level, level == fromTotal ? null : reason);
    }
}
