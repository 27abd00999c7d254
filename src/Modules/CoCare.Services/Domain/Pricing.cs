using CoCare.Kernel;

namespace CoCare.Services.Domain;

/// <summary>One subsidy applied to a delivery.</summary>
public sealed record AppliedSubsidy(Guid RuleId, string Name, long AmountFen);

/// <summary>
/// The price of one delivery as stored with it: list price, the subsidies applied, what the elder paid, and why a
/// subsidy the elder would otherwise get was not applied (<see cref="NotApplied"/>, an error key).
/// </summary>
public sealed record PriceBreakdown(long ListPriceFen, IReadOnlyList<AppliedSubsidy> Subsidies, long PaidFen, string? NotApplied);

/// <summary>
/// Prices a delivery from the rules in force. Subsidies do not stack: of the rules whose condition the elder meets
/// on the day, the one that takes off most applies (低保 free beats 80+ ¥5 off). A once-a-day rule already used that
/// day for the elder is skipped and the next best applies; if none is left the elder pays the list price and the
/// reason is given.
/// </summary>
public static class Pricing
{
    public static PriceBreakdown Quote(ServiceType type, IEnumerable<SubsidyRule> rules, ElderFacts elder, DateOnly day, bool subsidisedAlreadyToday)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(rules);
        var listPrice = type.ListPrice;
        var eligible = rules
            .Where(r => r.ServiceTypeCode == type.Code && r.IsValidOn(day) && r.Condition.Matches(elder, day))
            .OrderByDescending(r => r.Reduction(listPrice).Fen).ThenBy(r => r.Id)
            .ToList();
        var usable = eligible.Where(r => !(r.OncePerDay && subsidisedAlreadyToday)).ToList();
        string? notApplied = eligible.Count > 0 && usable.Count == 0 ? "Subsidy.AlreadyUsedToday" : null;
        var best = usable.FirstOrDefault();
        if (best is null || best.Reduction(listPrice).Fen == 0)
        {
            return new PriceBreakdown(listPrice.Fen, [], listPrice.Fen, notApplied);
        }

        var reduction = best.Reduction(listPrice);
        return new PriceBreakdown(listPrice.Fen, [new AppliedSubsidy(best.Id, best.Name, reduction.Fen)], (listPrice - reduction).Fen, notApplied);
    }
}
