using CoCare.Kernel;

namespace CoCare.Services.Domain;

/// <summary>How the diner was found at the counter.</summary>
public enum CheckInMethod
{
    Card,
    QrCode,
    NameSearch,
}

public enum PaymentMethod
{
    /// <summary>Nothing to pay (a free meal).</summary>
    None,
    Cash,
    Card,
    EWallet,
}

/// <summary>
/// One meal served at a service point (就餐登记). Its id is the one the counter's device chose, so a retried request
/// records nothing twice. The price breakdown is stored as it was computed at the counter; <see cref="SubsidisedDay"/>
/// is set only when a once-a-day subsidy was used, and the database keeps it unique per elder.
/// </summary>
public sealed class MealCheckIn : Entity
{
    private MealCheckIn()
    {
    }

    public MealCheckIn(Guid id, ServicePoint point, ElderFacts elder, MealSession session, DateTime at, CheckInMethod method, PriceBreakdown price,
        bool subsidyOncePerDay, PaymentMethod payment, string? paymentReference, string recordedBy)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(elder);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(price);
        Id = id;
        ServicePointId = point.Id;
        ElderId = elder.Id;
        ElderName = elder.Name;
        VillageCode = elder.VillageCode;
        At = at.AddTicks(-(at.Ticks % 10)); // microseconds, what both databases keep
        Day = ChinaTime.Day(At);
        Session = session.Name;
        Method = method;
        ListPriceFen = price.ListPriceFen;
        SubsidyFen = price.Subsidies.Sum(s => s.AmountFen);
        PaidFen = price.PaidFen;
        var subsidy = price.Subsidies.Count > 0 ? price.Subsidies[0] : null;
        SubsidyRuleId = subsidy?.RuleId;
        SubsidyName = subsidy?.Name;
        SubsidisedDay = subsidyOncePerDay && price.Subsidies.Count > 0 ? Day : null;
        NotApplied = price.NotApplied;
        Payment = PaidFen == 0 ? PaymentMethod.None : payment;
        PaymentReference = PaidFen == 0 ? null : paymentReference;
        RecordedBy = recordedBy;
    }

    public Guid ServicePointId { get; private set; }

    public Guid ElderId { get; private set; }

    public string ElderName { get; private set; } = "";

    public string VillageCode { get; private set; } = "";

    /// <summary>The Beijing day of the meal.</summary>
    public DateOnly Day { get; private set; }

    public DateTime At { get; private set; }

    public string Session { get; private set; } = "";

    public CheckInMethod Method { get; private set; }

    public long ListPriceFen { get; private set; }

    public long SubsidyFen { get; private set; }

    public long PaidFen { get; private set; }

    public Guid? SubsidyRuleId { get; private set; }

    public string? SubsidyName { get; private set; }

    /// <summary>The day a once-a-day subsidy was used by this meal (unique per elder), otherwise null.</summary>
    public DateOnly? SubsidisedDay { get; private set; }

    /// <summary>Why a subsidy the elder would otherwise get was not applied (an error key), e.g. already used today.</summary>
    public string? NotApplied { get; private set; }

    public PaymentMethod Payment { get; private set; }

    public string? PaymentReference { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public PriceBreakdown Price => new(ListPriceFen, SubsidyRuleId is { } rule ? [new AppliedSubsidy(rule, SubsidyName ?? "", SubsidyFen)] : [], PaidFen, NotApplied);
}

/// <summary>
/// How many deliveries a village had on a Beijing day, by kind: kept by database triggers on the check-ins and orders
/// themselves (so it can never disagree with them, whichever way a row is written), read by the KPIs so that a region
/// with millions of records answers at once. Kinds: <see cref="Meal"/>, <see cref="MealOrder"/>, <see cref="Order"/>.
/// </summary>
public sealed class ServiceDayCount
{
    /// <summary>A canteen check-in.</summary>
    public const string Meal = "meal";

    /// <summary>A completed meal-delivery order.</summary>
    public const string MealOrder = "mealOrder";

    /// <summary>A completed order of any other service.</summary>
    public const string Order = "order";

    private ServiceDayCount()
    {
    }

    public string VillageCode { get; private set; } = "";

    public DateOnly Day { get; private set; }

    public string Kind { get; private set; } = "";

    public long Count { get; private set; }
}
