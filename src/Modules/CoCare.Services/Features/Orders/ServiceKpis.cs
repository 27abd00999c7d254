using System.Runtime.CompilerServices;
using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using CoCare.Services.Features.Canteen;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Services.Features.Orders;

/// <summary>
/// The KPIs whose records Services holds (DESIGN.md): service person-times are completed deliveries — completed
/// service orders and canteen check-ins, one elder served once each; meals are canteen check-ins plus completed meal
/// deliveries; facilities are the active service points. Counted from the day counts that database triggers keep beside
/// the check-ins and orders (<see cref="ServiceDayCount"/>), and listed from the rows themselves.
/// </summary>
internal sealed class ServiceKpis(AppDbContext db) : IKpiContributor, IRegionCounts, IKpiRecords
{
    private const int Batch = 2_000;

    public IReadOnlyCollection<string> Codes { get; } = ["servicePersonTimes", "meals", EvidenceMetrics.HomeServices, EvidenceMetrics.CanteenMeals, Measures.Facilities];

    IReadOnlyCollection<string> IRegionCounts.Measures { get; } = [Measures.Facilities, Measures.Places, Measures.ServicePersonTimes];

    public async Task<double?> ComputeAsync(string code, KpiScope scope, CancellationToken ct) =>
        Codes.Contains(code) ? await CountRecordsAsync(code, scope, ct) : null;

    /// <summary>Deliveries are summed from the day counts the database keeps beside them (the same rows, counted as they are written).</summary>
    public async Task<long> CountRecordsAsync(string code, KpiScope scope, CancellationToken ct) =>
        code == Measures.Facilities ? await Points(scope).LongCountAsync(ct) : await DayCounts(scope, Kinds(code)).SumAsync(c => c.Count, ct);

    public async Task<IReadOnlyDictionary<string, long>> CountByRegionAsync(string measure, KpiScope scope, CancellationToken ct)
    {
        if (measure == Measures.Facilities || measure == Measures.Places)
        {
            var points = await Points(scope).GroupBy(p => p.RegionCode)
                .Select(g => new { g.Key, Count = (long)g.Count(), Places = (long)g.Sum(p => p.SeatsPerSession) }).ToListAsync(ct);
            return points.ToDictionary(p => p.Key, p => measure == Measures.Facilities ? p.Count : p.Places);
        }

        return (await DayCounts(scope, Kinds(measure)).GroupBy(c => c.VillageCode).Select(g => new { g.Key, Count = g.Sum(c => c.Count) }).ToListAsync(ct))
            .ToDictionary(r => r.Key, r => r.Count, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<KpiRecord>> RecordsAsync(string code, KpiScope scope, int skip, int take, CancellationToken ct)
    {
        if (code == Measures.Facilities)
        {
            return await PointRecords(Points(scope).OrderBy(p => p.RegionCode).ThenBy(p => p.Id).Skip(skip).Take(take)).ToListAsync(ct);
        }

        // Orders first (newest completion first), then meals (newest day first).
        var (orders, meals) = Deliveries(code, scope);
        var rows = new List<KpiRecord>();
        var orderCount = await DayCounts(scope, [.. Kinds(code).Where(k => k != ServiceDayCount.Meal)]).SumAsync(c => c.Count, ct);
        if (orders is not null && skip < orderCount)
        {
            rows.AddRange(await OrderRecords(orders.OrderByDescending(o => o.CompletedAt).ThenBy(o => o.Id).Skip(skip).Take(take)).ToListAsync(ct));
        }

        if (meals is not null && rows.Count < take)
        {
            var mealSkip = (int)Math.Max(0, skip - orderCount);
            rows.AddRange(await MealRecords(meals.OrderByDescending(c => c.Day).ThenBy(c => c.Id).Skip(mealSkip).Take(take - rows.Count)).ToListAsync(ct));
        }

        return rows;
    }

    public async IAsyncEnumerable<KpiRecord> StreamAsync(string code, KpiScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        if (code == Measures.Facilities)
        {
            foreach (var point in await PointRecords(Points(scope).OrderBy(p => p.RegionCode).ThenBy(p => p.Id)).ToListAsync(ct))
            {
                yield return point;
            }

            yield break;
        }

        // Keyset batches by id: memory stays at one batch however many rows there are.
        var (orders, meals) = Deliveries(code, scope);
        for (Guid? after = null; orders is not null;)
        {
            var query = after is { } last ? orders.Where(o => o.Id.CompareTo(last) > 0) : orders;
            var batch = await OrderRecords(query.OrderBy(o => o.Id).Take(Batch)).ToListAsync(ct);
            foreach (var row in batch)
            {
                yield return row;
            }

            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Id;
        }

        for (Guid? after = null; meals is not null;)
        {
            var query = after is { } last ? meals.Where(c => c.Id.CompareTo(last) > 0) : meals;
            var batch = await MealRecords(query.OrderBy(c => c.Id).Take(Batch)).ToListAsync(ct);
            foreach (var row in batch)
            {
                yield return row;
            }

            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Id;
        }
    }

    /// <summary>The completed orders and the check-ins a code counts (null where it counts none of them).</summary>
    private (IQueryable<ServiceOrder>? Orders, IQueryable<MealCheckIn>? Meals) Deliveries(string code, KpiScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var prefixes = RegionCode.Prefixes(scope.RegionCodes);
        var (from, to) = (ChinaTime.Utc(scope.From, TimeOnly.MinValue), ChinaTime.Utc(scope.To.AddDays(1), TimeOnly.MinValue));
        var orders = db.Set<ServiceOrder>().AsNoTracking().WhereRegionUnder(o => o.VillageCode, prefixes)
            .Where(o => o.Status == OrderStatus.Completed && o.CompletedAt >= from && o.CompletedAt < to);
        var meals = db.Set<MealCheckIn>().AsNoTracking().WhereRegionUnder(c => c.VillageCode, prefixes).Where(c => c.Day >= scope.From && c.Day <= scope.To);
        return code switch
        {
            "servicePersonTimes" => (orders, meals),
            "meals" => (orders.Where(o => o.ServiceTypeCode == CheckInWriter.MealsCode), meals),
            EvidenceMetrics.HomeServices => (orders.Where(o => o.ServiceTypeCode != CheckInWriter.MealsCode), null),
            EvidenceMetrics.CanteenMeals => (null, meals),
            _ => (null, null),
        };
    }

    /// <summary>The kinds of day count a code adds up.</summary>
    private static string[] Kinds(string code) => code switch
    {
        "servicePersonTimes" => [ServiceDayCount.Meal, ServiceDayCount.MealOrder, ServiceDayCount.Order],
        "meals" => [ServiceDayCount.Meal, ServiceDayCount.MealOrder],
        EvidenceMetrics.HomeServices => [ServiceDayCount.Order],
        EvidenceMetrics.CanteenMeals => [ServiceDayCount.Meal],
        _ => [],
    };

    private IQueryable<ServiceDayCount> DayCounts(KpiScope scope, string[] kinds)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return db.Set<ServiceDayCount>().AsNoTracking().WhereRegionUnder(c => c.VillageCode, RegionCode.Prefixes(scope.RegionCodes))
            .Where(c => c.Day >= scope.From && c.Day <= scope.To && kinds.Contains(c.Kind));
    }

    private IQueryable<ServicePoint> Points(KpiScope scope) =>
        db.Set<ServicePoint>().AsNoTracking().WhereRegionUnder(p => p.RegionCode, RegionCode.Prefixes(scope.RegionCodes)).Where(p => p.IsActive);

    private static IQueryable<KpiRecord> OrderRecords(IQueryable<ServiceOrder> orders) =>
        orders.Select(o => new KpiRecord(o.Id, ChinaTime.Day(o.CompletedAt!.Value), o.VillageCode, "order", o.ServiceTypeCode, Masking.Name(o.ElderName), null));

    private static IQueryable<KpiRecord> MealRecords(IQueryable<MealCheckIn> meals) =>
        meals.Select(c => new KpiRecord(c.Id, c.Day, c.VillageCode, "meal", c.Session, Masking.Name(c.ElderName), null));

    private static IQueryable<KpiRecord> PointRecords(IQueryable<ServicePoint> points) =>
        points.Select(p => new KpiRecord(p.Id, null, p.RegionCode, "servicePoint", p.Name, null, "seats:" + p.SeatsPerSession.ToString()));
}
