using CoCare.Kernel;

namespace CoCare.Services.Domain;

public enum OrderSource
{
    Need,
    ServiceList,
    Phone,
    Family,
    TimeBank,
}

public enum OrderStatus
{
    Requested,
    Assigned,
    Accepted,
    InProgress,
    Completed,
    Cancelled,
    NoShow,
}

/// <summary>How the elder's side confirmed a completed service: the code on the elder's service card, or a staff countersignature.</summary>
public enum Confirmation
{
    ElderCode,
    StaffCountersignature,
}

/// <summary>
/// A service order (服务工单): Requested → Assigned → Accepted → InProgress → Completed, or Cancelled with a reason
/// (before it is in progress), or NoShow (the elder was not there). Check-in and check-out record when (and where, when
/// the phone gives it) and when they were entered; completion needs a check-out and the elder's confirmation. Person-times
/// count on completion only.
/// </summary>
public sealed class ServiceOrder : Entity
{
    private ServiceOrder()
    {
    }

    public ServiceOrder(Guid elderId, string villageCode, string serviceTypeCode, OrderSource source, Guid? needId, DateTime? scheduledFor, string requestedBy, DateTime now)
    {
        ElderId = elderId;
        VillageCode = villageCode;
        ServiceTypeCode = serviceTypeCode;
        Source = source;
        NeedId = needId;
        ScheduledFor = scheduledFor;
        RequestedBy = requestedBy;
        RequestedAt = now;
    }

    public Guid ElderId { get; private set; }

    /// <summary>The elder's name as lists show it (names are not secret; contact data never leaves Residents).</summary>
    public string ElderName { get; private set; } = "";

    /// <summary>How many fraud signals the completed order carries (for the purchaser's list).</summary>
    public int FraudSignalCount { get; private set; }

    public string VillageCode { get; private set; } = "";

    public string ServiceTypeCode { get; private set; } = "";

    public OrderSource Source { get; private set; }

    public Guid? NeedId { get; private set; }

    public DateTime? ScheduledFor { get; private set; }

    public OrderStatus Status { get; private set; }

    public string? WorkerId { get; private set; }

    public string? WorkerName { get; private set; }

    public DateTime? CheckInAt { get; private set; }

    public GeoPoint? CheckInPoint { get; private set; }

    public DateTime? CheckInRecordedAt { get; private set; }

    public DateTime? CheckOutAt { get; private set; }

    public GeoPoint? CheckOutPoint { get; private set; }

    public DateTime? CheckOutRecordedAt { get; private set; }

    public Confirmation? ConfirmedBy { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public string? CancelReason { get; private set; }

    public string RequestedBy { get; private set; } = "";

    public DateTime RequestedAt { get; private set; }

    public List<string> FraudSignals { get; private set; } = [];

    /// <summary>Minutes between check-in and check-out, once both exist.</summary>
    public double? Minutes => CheckInAt is { } start && CheckOutAt is { } end ? (end - start).TotalMinutes : null;

    public void NameElder(string name) => ElderName = name;

    /// <summary>The village rule that puts this order first (elders of a category served first), if one applied when it was requested.</summary>
    public Guid? PriorityRuleId { get; private set; }

    /// <summary>The decision behind the priority, in words.</summary>
    public string? PriorityReason { get; private set; }

    public void Prioritize(Guid ruleId, string reason)
    {
        PriorityRuleId = ruleId;
        PriorityReason = reason.Length > 200 ? reason[..200] : reason;
    }

    public void Assign(string workerId, string workerName)
    {
        if (Status is not (OrderStatus.Requested or OrderStatus.Assigned or OrderStatus.Accepted))
        {
            throw Illegal(OrderStatus.Assigned);
        }

        (WorkerId, WorkerName, Status) = (workerId, workerName, OrderStatus.Assigned);
    }

    public void Accept(string workerId)
    {
        if (Status != OrderStatus.Assigned)
        {
            throw Illegal(OrderStatus.Accepted);
        }

        if (workerId != WorkerId)
        {
            throw DomainException.Forbidden("Order.NotYourOrder");
        }

        Status = OrderStatus.Accepted;
    }

    public void CheckIn(DateTime at, GeoPoint? point, DateTime recordedAt)
    {
        if (Status != OrderStatus.Accepted)
        {
            throw Illegal(OrderStatus.InProgress);
        }

        if (at > recordedAt)
        {
            throw new DomainException("Order.TimeInFuture", ErrorKind.Validation, "at");
        }

        (CheckInAt, CheckInPoint, CheckInRecordedAt, Status) = (Micro(at), point, Micro(recordedAt), OrderStatus.InProgress);
    }

    public void CheckOut(DateTime at, GeoPoint? point, DateTime recordedAt)
    {
        if (Status != OrderStatus.InProgress || CheckInAt is null)
        {
            throw DomainException.Conflict("Order.NotCheckedIn");
        }

        if (at <= CheckInAt)
        {
            throw new DomainException("Order.CheckOutBeforeCheckIn", ErrorKind.Validation, "at");
        }

        if (at > recordedAt)
        {
            throw new DomainException("Order.TimeInFuture", ErrorKind.Validation, "at");
        }

        (CheckOutAt, CheckOutPoint, CheckOutRecordedAt) = (Micro(at), point, Micro(recordedAt));
    }

    /// <summary>The list price of the delivery, as priced when it was completed (null before).</summary>
    public long? ListPriceFen { get; private set; }

    /// <summary>The subsidy applied (subsidies do not stack: one rule at most).</summary>
    public long? SubsidyFen { get; private set; }

    public Guid? SubsidyRuleId { get; private set; }

    public string? SubsidyName { get; private set; }

    /// <summary>What the elder pays (or paid in time-bank hours' worth when the order was redeemed).</summary>
    public long? PaidFen { get; private set; }

    /// <summary>Stores the price breakdown of the delivery (list price, the subsidy, the amount paid) with it.</summary>
    public void Price(PriceBreakdown price)
    {
        ArgumentNullException.ThrowIfNull(price);
        var subsidy = price.Subsidies.Count > 0 ? price.Subsidies[0] : null;
        (ListPriceFen, SubsidyFen, SubsidyRuleId, SubsidyName, PaidFen) = (price.ListPriceFen, price.Subsidies.Sum(s => s.AmountFen), subsidy?.RuleId, subsidy?.Name, price.PaidFen);
    }

    /// <summary>Completes a checked-out order with the elder's confirmation and the fraud signals found for it.</summary>
    public void Complete(Confirmation confirmation, IEnumerable<string> fraudSignals, DateTime now)
    {
        if (Status != OrderStatus.InProgress || CheckOutAt is null)
        {
            throw DomainException.Conflict(CheckInAt is null ? "Order.NotCheckedIn" : "Order.NotCheckedOut");
        }

        (ConfirmedBy, CompletedAt, Status) = (confirmation, Micro(now), OrderStatus.Completed);
        FraudSignals = [.. fraudSignals.Distinct()];
        FraudSignalCount = FraudSignals.Count;
    }

    public void Cancel(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Order.ReasonRequired", ErrorKind.Validation, "reason");
        }

        if (Status is OrderStatus.InProgress or OrderStatus.Completed or OrderStatus.Cancelled or OrderStatus.NoShow)
        {
            throw Illegal(OrderStatus.Cancelled);
        }

        (CancelReason, Status) = (reason.Trim(), OrderStatus.Cancelled);
    }

    public void MarkNoShow()
    {
        if (Status is not (OrderStatus.Assigned or OrderStatus.Accepted))
        {
            throw Illegal(OrderStatus.NoShow);
        }

        Status = OrderStatus.NoShow;
    }

    /// <summary>Microseconds: what both databases keep, so a stored time reads back equal.</summary>
    private static DateTime Micro(DateTime t) => t.AddTicks(-(t.Ticks % 10));

    private DomainException Illegal(OrderStatus to) => DomainException.Conflict("Order.IllegalMove", null, Status.ToString(), to.ToString());
}

/// <summary>
/// The known frauds as signals stored on an order and listed for the purchaser: a visit shorter than the service's
/// minimum plausible duration, the same worker in two places at once, a check-in far from the elder's home, and a
/// record entered more than a day after the fact.
/// </summary>
public static class FraudRules
{
    public const string ShortDuration = "ShortDuration";
    public const string Overlap = "WorkerOverlap";
    public const string FarFromElder = "FarFromElder";
    public const string LateEntry = "LateEntry";

    public static readonly TimeSpan LateAfter = TimeSpan.FromHours(24);

    public static IReadOnlyList<string> Detect(ServiceOrder order, int minimumMinutes, GeoPoint? elderHome, double farMeters,
        IEnumerable<(DateTime Start, DateTime End)> workerOtherVisits)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(workerOtherVisits);
        var signals = new List<string>();
        if (order.Minutes is { } minutes && minutes < minimumMinutes)
        {
            signals.Add(ShortDuration);
        }

        if (order.CheckInAt is { } start && order.CheckOutAt is { } end && workerOtherVisits.Any(v => v.Start < end && start < v.End))
        {
            signals.Add(Overlap);
        }

        if (elderHome is not null && order.CheckInPoint is { } point && point.MetersTo(elderHome) > farMeters)
        {
            signals.Add(FarFromElder);
        }

        if ((order.CheckInRecordedAt - order.CheckInAt > LateAfter) || (order.CheckOutRecordedAt - order.CheckOutAt > LateAfter))
        {
            signals.Add(LateEntry);
        }

        return signals;
    }
}
