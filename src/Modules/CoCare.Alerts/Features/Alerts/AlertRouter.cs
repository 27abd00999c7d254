using CoCare.Alerts.Domain;
using CoCare.Kernel;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;

namespace CoCare.Alerts.Features.Alerts;

/// <summary>
/// Builds an alert's ladder from who is on duty now: the volunteers booked on a shift in the village at this moment,
/// then the village committee's accounts, then the provider's — each rung called <see cref="Wait"/> after the one
/// before while nobody acknowledges (<c>Alerts:EscalateAfterSeconds</c>, default 120). A village's ladder is kept for
/// ten seconds of the clock, so a burst of alerts in one village asks who is on duty once, not once per alert.
/// </summary>
public sealed class AlertRouter(IVolunteerFacts volunteers, IDirectory directory, IConfiguration configuration, IMemoryCache cache)
{
    private static readonly long Window = TimeSpan.FromSeconds(10).Ticks;

    public TimeSpan Wait => TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Alerts:EscalateAfterSeconds", 120), 5, 3600));

    public async Task<IReadOnlyList<AlertResponder>> LadderAsync(Alert alert, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var key = ("alr-ladder", alert.VillageCode, now.Ticks / Window);
        if (cache.TryGetValue(key, out IReadOnlyList<AlertResponder>? known))
        {
            return known!;
        }

        var ladder = await BuildAsync(alert, now, ct);
        cache.Set(key, ladder, TimeSpan.FromSeconds(20));
        return ladder;
    }

    private async Task<IReadOnlyList<AlertResponder>> BuildAsync(Alert alert, DateTime now, CancellationToken ct)
    {
        var onShift = await volunteers.OnShiftAsync(alert.VillageCode, now, now.AddSeconds(1), ct);
        var duty = await directory.AccountsWithRolesAsync([Roles.VillageCommittee], alert.VillageCode, ct);
        var managers = await directory.AccountsWithRolesAsync([Roles.Provider], alert.VillageCode, ct);
        return ResponderLadder.Order(
            onShift.Where(d => d.AccountId is not null).DistinctBy(d => d.AccountId).Select(d => new AlertResponder(d.AccountId!, d.Name, ResponderKind.Volunteer, null)),
            duty.Select(a => new AlertResponder(a.Id, a.Name, ResponderKind.VillageDuty, null)),
            managers.Select(a => new AlertResponder(a.Id, a.Name, ResponderKind.ProviderManager, null)));
    }
}
