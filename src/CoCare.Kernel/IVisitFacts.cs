namespace CoCare.Kernel;

/// <summary>
/// Home visits against the visit plan over some Beijing days: households planned (for the weeks that overlap the days),
/// how many of them a visit in their week saw, and the visits recorded on those days.
/// </summary>
public sealed record VisitsAgainstPlan(int Planned, int PlannedVisited, int Visits)
{
    /// <summary>The share of planned households visited; null when none was planned.</summary>
    public double? Rate => Planned == 0 ? null : (double)PlannedVisited / Planned;
}

/// <summary>What the Residents module tells other modules about home visits (the dashboards read it).</summary>
public interface IVisitFacts
{
    /// <summary>Visits against the plan in <paramref name="regionCode"/> and below, from <paramref name="firstDay"/> to <paramref name="lastDay"/> inclusive.</summary>
    Task<VisitsAgainstPlan> AgainstPlanAsync(string regionCode, DateOnly firstDay, DateOnly lastDay, CancellationToken ct);
}
