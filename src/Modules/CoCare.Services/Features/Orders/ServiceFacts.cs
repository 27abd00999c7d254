using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using CoCare.Services.Features.Canteen;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Services.Features.Orders;

/// <summary><see cref="IServiceFacts"/> for other modules (Voice rates services and meals, links feedback to a point).</summary>
internal sealed class ServiceFacts(AppDbContext db) : IServiceFacts
{
    public async Task<ServicePointFacts?> PointAsync(Guid id, CancellationToken ct) =>
        await db.Set<ServicePoint>().AsNoTracking().Where(p => p.Id == id && p.IsActive).Select(p => new ServicePointFacts(p.Id, p.Name, p.RegionCode)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ServicePointFacts>> PointsAsync(IReadOnlyList<string>? scopeCodes, CancellationToken ct)
    {
        var q = db.Set<ServicePoint>().AsNoTracking().Where(p => p.IsActive);
        if (scopeCodes is not null)
        {
            q = q.WhereRegionUnder(p => p.RegionCode, RegionCode.Prefixes(scopeCodes));
        }

        return await q.OrderBy(p => p.Name).Take(200).Select(p => new ServicePointFacts(p.Id, p.Name, p.RegionCode)).ToListAsync(ct);
    }

    public async Task<DeliveryFacts?> OrderAsync(Guid orderId, CancellationToken ct) =>
        await db.Set<ServiceOrder>().AsNoTracking().Where(o => o.Id == orderId)
            .Select(o => new DeliveryFacts(o.Id, o.ElderId, o.VillageCode, o.ServiceTypeCode, null, o.Status == OrderStatus.Completed, o.CompletedAt))
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<DeliveryFacts>> CompletedOrdersAsync(DateTime since, int take, CancellationToken ct) =>
        await db.Set<ServiceOrder>().AsNoTracking().Where(o => o.Status == OrderStatus.Completed && o.CompletedAt >= since).OrderBy(o => o.CompletedAt).Take(take)
            .Select(o => new DeliveryFacts(o.Id, o.ElderId, o.VillageCode, o.ServiceTypeCode, null, true, o.CompletedAt))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<DeliveryFacts>> DeliveriesAsync(KpiScope scope, int max, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var prefixes = RegionCode.Prefixes(scope.RegionCodes);
        var (from, to) = (ChinaTime.Utc(scope.From, TimeOnly.MinValue), ChinaTime.Utc(scope.To.AddDays(1), TimeOnly.MinValue));
        var orders = await db.Set<ServiceOrder>().AsNoTracking().WhereRegionUnder(o => o.VillageCode, prefixes)
            .Where(o => o.Status == OrderStatus.Completed && o.CompletedAt >= from && o.CompletedAt < to).OrderBy(o => o.Id).Take(max)
            .Select(o => new DeliveryFacts(o.Id, o.ElderId, o.VillageCode, o.ServiceTypeCode, null, true, o.CompletedAt)).ToListAsync(ct);
        var meals = await db.Set<MealCheckIn>().AsNoTracking().WhereRegionUnder(c => c.VillageCode, prefixes)
            .Where(c => c.Day >= scope.From && c.Day <= scope.To).OrderBy(c => c.Id).Take(max - orders.Count)
            .Select(c => new DeliveryFacts(c.Id, c.ElderId, c.VillageCode, CheckInWriter.MealsCode, c.ServicePointId, true, c.At)).ToListAsync(ct);
        return [.. orders, .. meals];
    }

    public async Task<DeliveryFacts?> MealAsync(Guid checkInId, CancellationToken ct) =>
        await db.Set<MealCheckIn>().AsNoTracking().Where(c => c.Id == checkInId)
            .Select(c => new DeliveryFacts(c.Id, c.ElderId, c.VillageCode, CheckInWriter.MealsCode, c.ServicePointId, true, c.At))
            .FirstOrDefaultAsync(ct);
}
