using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoCare.Voice.Features.ReturnVisits;

/// <summary>Schedules return visits for newly completed services a minute after start and then every ten minutes.</summary>
internal sealed partial class ReturnVisitScheduler(IServiceScopeFactory scopes, ILogger<ReturnVisitScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var added = await scope.ServiceProvider.GetRequiredService<ReturnVisitHandlers>().ScheduleAsync(stoppingToken);
                if (added > 0)
                {
                    Scheduled(logger, added);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Count} return visits")]
    private static partial void Scheduled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduling return visits failed; trying again at the next tick")]
    private static partial void Failed(ILogger logger, Exception e);
}
