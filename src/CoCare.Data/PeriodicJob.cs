using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoCare.Data;

/// <summary>
/// A background job that runs in a fresh scope after <paramref name="firstRun"/> and then every <paramref name="interval"/>;
/// a failed run is logged and tried again at the next tick.
/// </summary>
public abstract partial class PeriodicJob(IServiceScopeFactory scopes, ILogger logger, TimeSpan firstRun, TimeSpan interval) : BackgroundService
{
    /// <summary>Does one run; returns how many things it handled (logged when more than none).</summary>
    protected abstract Task<int> RunAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>How a run that handled something is logged: Information, or Debug for a job that runs every second under load.</summary>
    protected virtual LogLevel HandledLevel => LogLevel.Information;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(firstRun, stoppingToken);
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var handled = await RunAsync(scope.ServiceProvider, stoppingToken);
                if (handled > 0)
                {
                    Handled(logger, HandledLevel, GetType().Name, handled);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(logger, GetType().Name, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Message = "{Job} handled {Count} items")]
    private static partial void Handled(ILogger logger, LogLevel level, string job, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; trying again at the next tick")]
    private static partial void Failed(ILogger logger, string job, Exception e);
}
