using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Services.Features.Canteen;

/// <summary>
/// What the lunch counter reads on every check-in, kept in memory for a short while so that the hot path opens no
/// database connection of its own: service points (30 s) and the elder a card belongs to (60 s). Nothing here is
/// state another node needs; a change (a point's hours, an elder's categories) reaches the counter within a minute.
/// Only elders that were found are kept, and each use checks again that the caller covers the elder's village.
/// </summary>
internal sealed class CanteenLookups(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private static readonly TimeSpan PointLife = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ElderLife = TimeSpan.FromSeconds(60);

    public async Task<ServicePoint?> PointAsync(Guid id, CancellationToken ct)
    {
        if (cache.TryGetValue(("svc-point", id), out ServicePoint? point))
        {
            return point;
        }

        await using var scope = scopes.CreateAsyncScope();
        point = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ServicePoint>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (point is not null)
        {
            cache.Set(("svc-point", id), point, PointLife);
        }

        return point;
    }

    /// <summary>The elder holding the card, when the caller (the ambient actor) may see them.</summary>
    public async Task<ElderFacts?> ElderByCardAsync(string card, CurrentActor actor, CancellationToken ct)
    {
        if (cache.TryGetValue(("svc-card", card), out ElderFacts? elder))
        {
            return elder is not null && actor.Covers(elder.VillageCode) ? elder : null;
        }

        await using var scope = scopes.CreateAsyncScope();
        elder = await scope.ServiceProvider.GetRequiredService<IElderFacts>().FindByCardAsync(card, ct);
        if (elder is not null)
        {
            cache.Set(("svc-card", card), elder, ElderLife);
        }

        return elder;
    }

    /// <summary>The meal service and its subsidy rules (30 s): the rules are data that change from a date, not by the minute.</summary>
    public async Task<(ServiceType Type, IReadOnlyList<SubsidyRule> Rules)> MealPricingAsync(AppDbContext db, CancellationToken ct)
    {
        if (cache.TryGetValue("svc-meal-pricing", out (ServiceType, IReadOnlyList<SubsidyRule>) pricing))
        {
            return pricing;
        }

        var type = await db.Set<ServiceType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == CheckInWriter.MealsCode, ct)
            ?? throw DomainException.Conflict("Canteen.NoMealService");
        var rules = await db.Set<SubsidyRule>().AsNoTracking().Where(r => r.ServiceTypeCode == CheckInWriter.MealsCode).ToListAsync(ct);
        pricing = (type, rules);
        cache.Set("svc-meal-pricing", pricing, PointLife);
        return pricing;
    }

    /// <summary>Forgets the meal prices after the catalogue or a rule changed here.</summary>
    public void ForgetPricing() => cache.Remove("svc-meal-pricing");

    /// <summary>Forgets a point after it was changed here (other nodes see the change when their copy expires).</summary>
    public void Forget(Guid pointId) => cache.Remove(("svc-point", pointId));
}
