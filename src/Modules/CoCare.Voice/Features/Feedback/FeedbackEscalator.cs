using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoCare.Voice.Features.Feedback;

/// <summary>Every few minutes, escalates feedback that passed its deadline unanswered to the purchaser (an inbox message each, once).</summary>
internal sealed partial class FeedbackEscalator(IServiceScopeFactory scopes, ILogger<FeedbackEscalator> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var escalated = await scope.ServiceProvider.GetRequiredService<FeedbackHandlers>().EscalateOverdueAsync(stoppingToken);
                if (escalated > 0)
                {
                    Escalated(logger, escalated);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated {Count} overdue feedback items to the purchaser")]
    private static partial void Escalated(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalating overdue feedback failed; trying again at the next tick")]
    private static partial void Failed(ILogger logger, Exception e);
}
