namespace CoCare.Evaluation.Domain;

/// <summary>A record drawn for the evaluator to check (an order or a canteen meal).</summary>
public sealed record SampledRecord(Guid Id, string Kind, string ServiceTypeCode, string VillageCode, DateTime? At);

/// <summary>A contract KPI target beside the value the evidence found (pro-rated for a mid-term evaluation).</summary>
public sealed record TargetCheck(string Kpi, bool AtLeast, double Target, double ProRatedTarget, double? Value, bool? Met);

/// <summary>
/// What the platform knew at the evaluation date, frozen with the evaluation: the period covered, every figure
/// (KPIs and evidence metrics, by code), the contract's targets beside them, the payments so far, and a random
/// sample of service records drawn with a stored seed (the same seed draws the same sample from the same records).
/// </summary>
public sealed record Evidence(DateOnly From, DateOnly To, DateTime PulledAt, IReadOnlyDictionary<string, double?> Figures, IReadOnlyList<TargetCheck> Targets,
    int Population, int SampleSeed, IReadOnlyList<SampledRecord> Sample, long PaidFen, long BudgetFen, long SpentFen)
{
    /// <summary>Accepted expenditures ÷ the awarded budget (预算执行率).</summary>
    public const string BudgetExecution = "budgetExecution";

    public const int SampleSize = 30;

    /// <summary>Draws <paramref name="size"/> distinct positions out of <paramref name="population"/> with the seed, in ascending order.</summary>
    public static IReadOnlyList<int> Draw(int population, int size, int seed)
    {
        var random = new Random(seed);
        var picked = new SortedSet<int>();
        var want = Math.Min(size, population);
        while (picked.Count < want)
        {
            picked.Add(random.Next(population));
        }

        return [.. picked];
    }
}
