using System.Threading.RateLimiting;
using CoCare.Kernel;
using Microsoft.Extensions.Options;

namespace CoCare.Voice.Features.Feedback;

/// <summary>Limits of the public feedback form per client address (configuration section <c>Voice:PublicFeedbackLimit</c>).</summary>
public sealed class FeedbackLimitOptions
{
    public int PermitsPerWindow { get; set; } = 5;

    public int WindowMinutes { get; set; } = 10;
}

/// <summary>
/// The public form's flood guard: a fixed window of submissions per client address, kept in this node's memory (each
/// node counts its own; behind a load balancer the limit is per node).
/// </summary>
public sealed class FeedbackThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;
    private readonly FeedbackLimitOptions limits;

    public FeedbackThrottle(IOptions<FeedbackLimitOptions> options)
    {
        limits = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limits.PermitsPerWindow),
            Window = TimeSpan.FromMinutes(Math.Max(1, limits.WindowMinutes)),
            QueueLimit = 0,
        }));
    }

    /// <summary>Takes one permit for the address or refuses with 429 (nothing is stored).</summary>
    public void Take(string clientAddress)
    {
        using var lease = limiter.AttemptAcquire(string.IsNullOrEmpty(clientAddress) ? "unknown" : clientAddress);
        if (!lease.IsAcquired)
        {
            throw DomainException.TooMany("Feedback.TooMany", limits.WindowMinutes);
        }
    }

    public void Dispose() => limiter.Dispose();
}
