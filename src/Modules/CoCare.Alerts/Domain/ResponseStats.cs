namespace CoCare.Alerts.Domain;

/// <summary>How quickly alerts were taken and how many were false: the board's figures, computed from the alerts themselves.</summary>
public sealed record ResponseStats(int Responded, double? MedianSeconds, double? P90Seconds, int Resolved, int FalseAlarms)
{
    /// <summary>False alarms among resolved alerts (null before any was resolved).</summary>
    public double? FalseAlarmRate => Resolved == 0 ? null : (double)FalseAlarms / Resolved;

    /// <summary>From each acknowledged alert's seconds from raised to acknowledged, and the resolved alerts' outcomes.</summary>
    public static ResponseStats From(IEnumerable<double> responseSeconds, IEnumerable<AlertOutcome> outcomes)
    {
        var sorted = responseSeconds.Order().ToArray();
        var ended = outcomes.ToList();
        return new ResponseStats(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 90), ended.Count, ended.Count(o => o == AlertOutcome.FalseAlarm));
    }

    /// <summary>The nearest-rank percentile of an ascending list (null when empty): the smallest value with at least p% of the values at or below it.</summary>
    public static double? Percentile(IReadOnlyList<double> ascending, double p)
    {
        ArgumentNullException.ThrowIfNull(ascending);
        if (ascending.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p / 100 * ascending.Count);
        return ascending[Math.Clamp(rank, 1, ascending.Count) - 1];
    }
}
