using CoCare.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoCare.Voice.Features.Feedback;

/// <summary>Every five minutes, escalates feedback that passed its deadline unanswered to the purchaser (an inbox message each, once).</summary>
internal sealed class FeedbackEscalator(IServiceScopeFactory scopes, ILogger<FeedbackEscalator> logger)
    : PeriodicJob(scopes, logger, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5))
{
    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<FeedbackHandlers>().EscalateOverdueAsync(ct);
}
