namespace CoCare.Kernel;

/// <summary>Needs by state for a region and period, and the match rate (供需匹配率): answered by a delivered service ÷ recorded.</summary>
public sealed record MatchRate(int Recorded, int Answered, int Open, int Planned, int BeingServed, int Met, int ClosedUnmet)
{
    /// <summary>The share of recorded needs answered by a delivered service; null when no need was recorded.</summary>
    public double? Rate => Recorded == 0 ? null : (double)Answered / Recorded;
}

/// <summary>
/// What the Residents module offers other modules about needs: Services reports deliveries that answer a need,
/// Insights reads the match rate. The one place the match rate is computed.
/// </summary>
public interface INeedsMatching
{
    /// <summary>Needs recorded from <paramref name="firstDay"/> to <paramref name="lastDay"/> (inclusive) for elders in <paramref name="regionCode"/> and below (all regions when null).</summary>
    Task<MatchRate> MatchRateAsync(string? regionCode, DateOnly? firstDay, DateOnly? lastDay, CancellationToken ct);

    /// <summary>A service answering the need was delivered at <paramref name="deliveredAt"/> (idempotent: the first delivery counts).</summary>
    Task RecordDeliveryAsync(Guid needId, DateTime deliveredAt, CancellationToken ct);
}
