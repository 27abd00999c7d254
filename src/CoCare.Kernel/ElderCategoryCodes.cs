namespace CoCare.Kernel;

/// <summary>The category codes <see cref="ElderFacts.Categories"/> may hold (a rule naming a category must use one).</summary>
public static class ElderCategoryCodes
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "SubsistenceAllowance", "ExtremePoverty", "NearPoverty", "LivingAlone", "EmptyNest", "LeftBehind", "Disabled", "FamilyPlanningSpecial", "AdvancedAge",
    };
}
