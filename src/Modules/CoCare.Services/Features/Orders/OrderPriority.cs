using CoCare.Kernel;
using CoCare.Services.Domain;

namespace CoCare.Services.Features.Orders;

/// <summary>Asks Voice whether a village decision puts elders of one of this elder's categories first, and marks the order so.</summary>
internal static class OrderPriority
{
    public static async Task ApplyAsync(ServiceOrder order, ElderFacts elder, IVoiceRules rules, DateOnly day, CancellationToken ct)
    {
        var priorities = await rules.ServicePrioritiesAsync(elder.VillageCode, day, ct);
        if (priorities.FirstOrDefault(p => elder.Categories.Contains(p.Category)) is { } rule)
        {
            order.Prioritize(rule.RuleId, rule.DecisionTitle);
        }
    }
}
