using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using CoCare.Services.Features.Canteen;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Services.Features.Orders;

/// <summary>
/// The KPIs whose records Services holds (DESIGN.md): service person-times are completed deliveries — completed
/// service orders and canteen check-ins, one elder served once each; meals are canteen check-ins plus completed meal
/// deliveries. Counted in the database by village and Beijing day.
/// </summary>
internal sealed class ServiceKpis(AppDbContext db) : IKpiContributor
{
    public IReadOnlyCollection<string> Codes { get; } = ["servicePersonTimes", "meals", EvidenceMetrics.HomeServices, EvidenceMetrics.CanteenMeals];

    public async Task<double?> ComputeAsync(string code, KpiScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var prefixes = RegionCode.Prefixes(scope.RegionCodes);
        var (from, to) = (ChinaTime.Utc(scope.From, TimeOnly.MinValue), ChinaTime.Utc(scope.To.AddDays(1), TimeOnly.MinValue));
        var orders = db.Set<ServiceOrder>().AsNoTracking().WhereRegionUnder(o => o.VillageCode, prefixes)
            .Where(o => o.Status == OrderStatus.Completed && o.CompletedAt >= from && o.CompletedAt < to);
        var meals = db.Set<MealCheckIn>().AsNoTracking().WhereRegionUnder(c => c.VillageCode, prefixes).Where(c => c.Day >= scope.From && c.Day <= scope.To);
        return code switch
        {
            "servicePersonTimes" => await orders.CountAsync(ct) + await meals.CountAsync(ct),
            "meals" => await meals.CountAsync(ct) + await orders.CountAsync(o => o.ServiceTypeCode == CheckInWriter.MealsCode, ct),
            EvidenceMetrics.HomeServices => await orders.CountAsync(o => o.ServiceTypeCode != CheckInWriter.MealsCode, ct),
            EvidenceMetrics.CanteenMeals => await meals.CountAsync(ct),
            _ => null,
        };
    }
}
