namespace CoCare.Procurement.Domain.Rules;

/// <summary>One reviewer's score for one application on one criterion (0..100).</summary>
public sealed record CriterionScore(Guid ApplicationId, string ReviewerId, int CriterionIndex, int Score);

/// <summary>An application's place in the ranking: the weighted score averaged over its reviewers.</summary>
public sealed record RankedApplication(Guid ApplicationId, decimal WeightedScore, int Reviewers, int Rank);

/// <summary>
/// Ranks applications by the weighted average of their reviewers' scores. A reviewer's weighted score counts
/// only when that reviewer scored every criterion; ties share a rank.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<RankedApplication> Compute(IReadOnlyList<ReviewCriterion> criteria, IEnumerable<Guid> applications, IEnumerable<CriterionScore> scores)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var byApplication = scores.GroupBy(s => s.ApplicationId).ToDictionary(g => g.Key, g => g.ToList());
        var totals = applications.Select(id =>
        {
            var complete = byApplication.TryGetValue(id, out var list)
                ? list.GroupBy(s => s.ReviewerId)
                    .Where(r => r.Select(s => s.CriterionIndex).Distinct().Count() == criteria.Count)
                    .Select(r => r.Sum(s => s.Score * (decimal)criteria[s.CriterionIndex].WeightPercent) / 100m)
                    .ToList()
                : [];
            return (Id: id, Score: complete.Count == 0 ? 0m : Math.Round(complete.Average(), 2), Reviewers: complete.Count);
        }).OrderByDescending(t => t.Score).ToList();

        var ranked = new List<RankedApplication>();
        for (var i = 0; i < totals.Count; i++)
        {
            var rank = i > 0 && totals[i].Score == totals[i - 1].Score ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedApplication(totals[i].Id, totals[i].Score, totals[i].Reviewers, rank));
        }

        return ranked;
    }
}
