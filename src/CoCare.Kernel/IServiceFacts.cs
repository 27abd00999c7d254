namespace CoCare.Kernel;

/// <summary>A service point (canteen) as other modules see it: public facts only.</summary>
public sealed record ServicePointFacts(Guid Id, string Name, string RegionCode);

/// <summary>A delivered (or not yet delivered) service or meal, for ratings and return visits.</summary>
public sealed record DeliveryFacts(Guid Id, Guid ElderId, string VillageCode, string ServiceTypeCode, Guid? ServicePointId, bool Completed, DateTime? CompletedAt);

/// <summary>The Services module's answers about service points, orders and meals.</summary>
public interface IServiceFacts
{
    Task<ServicePointFacts?> PointAsync(Guid id, CancellationToken ct);

    /// <summary>Active service points in the subtrees of <paramref name="scopeCodes"/> (all when null), by name, at most 200.</summary>
    Task<IReadOnlyList<ServicePointFacts>> PointsAsync(IReadOnlyList<string>? scopeCodes, CancellationToken ct);

    /// <summary>The service order, or null when there is none.</summary>
    Task<DeliveryFacts?> OrderAsync(Guid orderId, CancellationToken ct);

    /// <summary>Orders completed at or after <paramref name="since"/>, oldest first, at most <paramref name="take"/> (for return visits).</summary>
    Task<IReadOnlyList<DeliveryFacts>> CompletedOrdersAsync(DateTime since, int take, CancellationToken ct);

    /// <summary>Completed orders and meal check-ins in the scope, orders first, each by id, at most <paramref name="max"/> (to draw a sample from).</summary>
    Task<IReadOnlyList<DeliveryFacts>> DeliveriesAsync(KpiScope scope, int max, CancellationToken ct);

    /// <summary>The meal check-in (a meal served is complete), or null when there is none.</summary>
    Task<DeliveryFacts?> MealAsync(Guid checkInId, CancellationToken ct);
}
