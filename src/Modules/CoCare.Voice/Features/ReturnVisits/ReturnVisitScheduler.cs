using CoCare.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoCare.Voice.Features.ReturnVisits;

/// <summary>Schedules return visits for newly completed services a minute after start and then every ten minutes.</summary>
internal sealed class ReturnVisitScheduler(IServiceScopeFactory scopes, ILogger<ReturnVisitScheduler> logger)
    : PeriodicJob(scopes, logger, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10))
{
    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ReturnVisitHandlers>().ScheduleAsync(ct);
}
