namespace CoCare.Insights.Domain;

/// <summary>The stages of a purchaser–provider partnership (seeds/004): 契约性合作 → 互依式合作 → 制度性合作.</summary>
public enum CooperationStage
{
    /// <summary>契约性合作: the relationship is the contract; the parties meet as the contract requires.</summary>
    Contractual,

    /// <summary>互依式合作: each relies on the other beyond one contract — a renewal, or regular joint work with resources the provider brings in.</summary>
    Interdependent,

    /// <summary>制度性合作: cooperation has become the way things are done — renewed again and again, delivering, learning together, answering complaints, with the village's other organizations.</summary>
    Institutional,
}

/// <summary>What a partnership shows at a point in time (the twelve months before it, and its contracts so far).</summary>
/// <param name="ConsecutiveContracts">Contracts in the latest unbroken chain (each starting within 90 days of the previous one's end).</param>
/// <param name="JointInteractions">Interactions of any kind involving the provider in the last twelve months.</param>
/// <param name="TrainingsAndSharing">Trainings and knowledge-sharing sessions in the last twelve months.</param>
/// <param name="ResourceShare">Resources the provider brought in ÷ government funds of the contracts (null with no government funds).</param>
/// <param name="KpiAttainment">Share of the latest contract's KPI targets met so far (null with no targets).</param>
/// <param name="ComplaintsOnTime">Share of feedback in the contract's regions answered on time (null with none due).</param>
/// <param name="OtherPartners">Distinct other organizations (village committees, associations, teams) in the provider's interactions.</param>
public sealed record PartnershipIndicators(int ConsecutiveContracts, int JointInteractions, int TrainingsAndSharing, double? ResourceShare, double? KpiAttainment,
    double? ComplaintsOnTime, int OtherPartners);

/// <summary>
/// The documented rule that places a partnership in a stage (docs/architecture.md, "Cooperation evolution"):
/// institutional when renewed at least twice (3 consecutive contracts), at least 80% of KPI targets met, at least two
/// trainings or knowledge-sharing sessions a year, at least 90% of feedback answered on time, and at least two other
/// organizations working alongside; interdependent when renewed once, or with at least four joint interactions a year
/// and resources brought in worth at least 10% of the government funds; otherwise contractual.
/// </summary>
public static class CooperationRule
{
    public static (CooperationStage Stage, IReadOnlyList<string> Unmet) Of(PartnershipIndicators p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var institutional = new List<string>();
        if (p.ConsecutiveContracts < 3)
        {
            institutional.Add("consecutiveContracts");
        }

        if (p.KpiAttainment is not >= 0.8)
        {
            institutional.Add("kpiAttainment");
        }

        if (p.TrainingsAndSharing < 2)
        {
            institutional.Add("trainingsAndSharing");
        }

        if (p.ComplaintsOnTime is not >= 0.9)
        {
            institutional.Add("complaintsOnTime");
        }

        if (p.OtherPartners < 2)
        {
            institutional.Add("otherPartners");
        }

        if (institutional.Count == 0)
        {
            return (CooperationStage.Institutional, []);
        }

        var interdependent = p.ConsecutiveContracts >= 2 || (p.JointInteractions >= 4 && p.ResourceShare is >= 0.1);
        return (interdependent ? CooperationStage.Interdependent : CooperationStage.Contractual, institutional);
    }

    /// <summary>Contracts in the latest unbroken chain: sorted by start, a gap of more than 90 days after an end breaks it.</summary>
    public static int ConsecutiveContracts(IEnumerable<(DateOnly Start, DateOnly End)> contracts, DateOnly asOf)
    {
        var started = contracts.Where(c => c.Start <= asOf).OrderBy(c => c.Start).ToList();
        var chain = 0;
        DateOnly? lastEnd = null;
        foreach (var (start, end) in started)
        {
            chain = lastEnd is { } e && start.DayNumber - e.DayNumber > 90 ? 1 : chain + 1;
            lastEnd = lastEnd is { } previous && previous > end ? previous : end;
        }

        return chain;
    }
}
