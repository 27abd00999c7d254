using CoCare.Alerts.Domain;
using CoCare.Data;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;

namespace CoCare.Alerts.Features.Alerts;

/// <summary>
/// Builds an alert's ladder from who is on duty now: the volunteers booked on a shift in the village at this moment and
/// the provider's care workers on the village's duty roster (<see cref="DutyShift"/>), nearest first where their phone
/// shared its position (<see cref="ResponderPositions"/>) and the device has a point; then the village committee's duty
/// person; then the provider's duty manager — for those two rungs the people rostered now, or with no one rostered every
/// account of that role in the village. Each rung is called <see cref="Wait"/> after the one before while nobody
/// acknowledges (<c>Alerts:EscalateAfterSeconds</c>, default 120). Who is on duty in a village is kept for ten seconds of
/// the clock, so a burst of alerts in one village asks once, not once per alert (a change to the roster on this node
/// forgets it at once); distances are worked out for each alert.
/// </summary>
public sealed class AlertRouter(IVolunteerFacts volunteers, IDirectory directory, ResponderPositions positions, AppDbContext db, IConfiguration configuration,
    IMemoryCache cache)
{
    private static readonly long Window = TimeSpan.FromSeconds(10).Ticks;
    private static long generation;

    private sealed record OnDuty(IReadOnlyList<AlertResponder> Volunteers, IReadOnlyList<AlertResponder> VillageDuty, IReadOnlyList<AlertResponder> Managers);

    public TimeSpan Wait => TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Alerts:EscalateAfterSeconds", 120), 5, 3600));

    public async Task<IReadOnlyList<AlertResponder>> LadderAsync(Alert alert, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var duty = await OnDutyAsync(alert.VillageCode, now, ct);
        var near = duty.Volunteers;
        if (near.Count > 0)
        {
            var scene = await db.Set<Device>().AsNoTracking().Where(d => d.Id == alert.DeviceId && d.Latitude != null && d.Longitude != null)
                .Select(d => new GeoPoint(d.Latitude!.Value, d.Longitude!.Value)).FirstOrDefaultAsync(ct);
            var known = scene is null ? new Dictionary<string, GeoPoint>() : await positions.FreshAsync([.. near.Select(v => v.AccountId)], now, ct);
            near = [.. ResponderLadder.WithDistances(near, scene, known)];
        }

        return ResponderLadder.Order(near, duty.VillageDuty, duty.Managers);
    }

    /// <summary>Forgets who is on duty in <paramref name="village"/> (its roster changed), so the next alert reads it afresh.</summary>
    public void Forget(string village) => cache.Set(("alr-duty-gen", village), Interlocked.Increment(ref generation));

    private async Task<OnDuty> OnDutyAsync(string village, DateTime now, CancellationToken ct)
    {
        var key = ("alr-duty", village, now.Ticks / Window, cache.Get<long>(("alr-duty-gen", village)));
        if (cache.TryGetValue(key, out OnDuty? known))
        {
            return known!;
        }

        var onShift = await volunteers.OnShiftAsync(village, now, now.AddSeconds(1), ct);
        var rostered = await db.Set<DutyShift>().AsNoTracking().Where(d => d.VillageCode == village && d.StartsAt <= now && d.EndsAt > now)
            .Select(d => new AlertResponder(d.AccountId, d.AccountName, d.Kind, null, null)).ToListAsync(ct);
        var found = new OnDuty(
            [
                .. onShift.Where(d => d.AccountId is not null).DistinctBy(d => d.AccountId).Select(d => new AlertResponder(d.AccountId!, d.Name, ResponderKind.Volunteer, null)),
                .. rostered.Where(r => r.Kind == ResponderKind.Worker && onShift.All(v => v.AccountId != r.AccountId)).DistinctBy(r => r.AccountId),
            ],
            await RungAsync(ResponderKind.VillageDuty, Roles.VillageCommittee),
            await RungAsync(ResponderKind.ProviderManager, Roles.Provider));
        cache.Set(key, found, TimeSpan.FromSeconds(20));
        return found;

        async Task<IReadOnlyList<AlertResponder>> RungAsync(ResponderKind kind, string role)
        {
            var onRoster = rostered.Where(r => r.Kind == kind).DistinctBy(r => r.AccountId).ToList();
            return onRoster.Count > 0 ? onRoster
                : [.. (await directory.AccountsWithRolesAsync([role], village, ct)).Select(a => new AlertResponder(a.Id, a.Name, kind, null))];
        }
    }
}
