using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Services.Features.Orders;

public sealed record CreateOrder(Guid ElderId, string ServiceTypeCode, OrderSource Source, Guid? NeedId, DateTime? ScheduledFor);

public sealed record AssignOrder(string WorkerId, long Version);

/// <summary>When (UTC; now when left out) and where (when the phone gives it) a worker arrived or left.</summary>
public sealed record OrderTimestamp(DateTime? At, double? Latitude, double? Longitude);

/// <summary>The elder's confirmation: the 4-digit code on the service card, or a countersignature by staff who are not the worker.</summary>
public sealed record CompleteOrder(string? ElderCode, bool StaffCountersignature);

public sealed record CancelOrder(string Reason);

public sealed record OrderDto(Guid Id, Guid ElderId, string ElderName, string VillageCode, string ServiceTypeCode, OrderSource Source, Guid? NeedId,
    DateTime? ScheduledFor, OrderStatus Status, string? WorkerId, string? WorkerName, DateTime? CheckInAt, DateTime? CheckOutAt, double? Minutes,
    Confirmation? ConfirmedBy, DateTime? CompletedAt, string? CancelReason, IReadOnlyList<string> FraudSignals, DateTime RequestedAt, long Version,
    string? PriorityReason = null, long? ListPriceFen = null, long? SubsidyFen = null, string? SubsidyName = null, long? PaidFen = null);

/// <summary>
/// Service orders (服务工单) from request to completion. Staff of the provider and the village committee create and
/// assign them; the assigned worker accepts, checks in and out on the phone; completion needs the elder's card code
/// (or a countersignature by other staff) and stores the fraud signals found; person-times count completed orders only.
/// </summary>
internal sealed class OrderHandlers(AppDbContext db, CurrentActor actor, IElderFacts elders, Assignees assignees, INeedsMatching matching, IVoiceRules rules,
    TimeProvider clock)
{
    /// <summary>A check-in further than this from the elder's home is flagged.</summary>
    public const double FarMeters = 500;

    private static readonly Sorting<ServiceOrder> Sorts = new Sorting<ServiceOrder>("requested")
        .Add("requested", o => o.RequestedAt, newestFirst: true)
        .Add("scheduled", o => o.ScheduledFor)
        .Add("status", o => o.Status)
        .Add("elder", o => o.ElderName)
        .Add("priority", o => o.PriorityRuleId == null ? 1 : 0);

    public async Task<OrderDto> CreateAsync(CreateOrder request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireStaff();
        if (!Enum.IsDefined(request.Source))
        {
            throw new DomainException("Order.Source", ErrorKind.Validation, "source");
        }

        var elder = await elders.FindAsync(request.ElderId, ct) ?? throw new DomainException("Elder.NotFound", ErrorKind.Validation, "elderId");
        var type = await db.Set<ServiceType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == request.ServiceTypeCode && t.IsActive, ct)
            ?? throw new DomainException("ServiceType.Unknown", ErrorKind.Validation, "serviceTypeCode", request.ServiceTypeCode ?? "");
        if (request.Source == OrderSource.Need && request.NeedId is null)
        {
            throw new DomainException("Order.NeedRequired", ErrorKind.Validation, "needId");
        }

        var order = new ServiceOrder(elder.Id, elder.VillageCode, type.Code, request.Source, request.NeedId, request.ScheduledFor?.ToUniversalTime(), actor.UserName ?? "system", Now);
        order.NameElder(elder.Name);
        await OrderPriority.ApplyAsync(order, elder, rules, ChinaTime.Day(Now), ct);
        db.Add(order);
        await db.SaveChangesAsync(ct);
        return ToDto(order);
    }

    public async Task<Page<OrderDto>> ListAsync(PageRequest paging, OrderStatus? status, bool mine, bool flagged, CancellationToken ct)
    {
        var q = Visible();
        if (status is not null)
        {
            q = q.Where(o => o.Status == status);
        }

        if (mine)
        {
            var me = actor.AccountId ?? "";
            q = q.Where(o => o.WorkerId == me);
        }

        if (flagged)
        {
            q = q.Where(o => o.Status == OrderStatus.Completed && o.FraudSignalCount > 0);
        }

        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(o => EF.Functions.Like(o.ElderName, like, "\\") || (o.WorkerName != null && EF.Functions.Like(o.WorkerName, like, "\\")));
        }

        var total = await q.CountAsync(ct);
        var rows = await Sorts.Apply(q, paging).ThenBy(o => o.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<OrderDto>(rows.Select(ToDto).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    public async Task<OrderDto> GetAsync(Guid id, CancellationToken ct) => ToDto(await FindAsync(id, ct, track: false));

    /// <summary>Who may be given the order: staff whose scope holds the elder's village, volunteers of the village with the skill.</summary>
    public async Task<IReadOnlyList<CandidateDto>> CandidatesAsync(Guid id, CancellationToken ct)
    {
        RequireStaff();
        var order = await FindAsync(id, ct, track: false);
        return await assignees.ForAsync(order.VillageCode, order.ServiceTypeCode, ct);
    }

    /// <summary>The candidates for several orders at once, by village and service (one lookup per pair, for a page of orders).</summary>
    public async Task<IReadOnlyDictionary<(string Village, string Service), IReadOnlyList<CandidateDto>>> CandidatesAsync(IEnumerable<OrderDto> orders, CancellationToken ct)
    {
        RequireStaff();
        // The people of each village once, then filtered per service by its volunteer skill.
        var list = orders.ToList();
        var codes = list.Select(o => o.ServiceTypeCode).Distinct().ToList();
        var skills = await db.Set<ServiceType>().AsNoTracking().Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.VolunteerSkill, ct);
        var result = new Dictionary<(string Village, string Service), IReadOnlyList<CandidateDto>>();
        foreach (var village in list.GroupBy(o => o.VillageCode))
        {
            var people = await assignees.InAsync(village.Key, ct);
            foreach (var code in village.Select(o => o.ServiceTypeCode).Distinct())
            {
                result[(village.Key, code)] = Assignees.Able(people, skills.GetValueOrDefault(code));
            }
        }

        return result;
    }

    public async Task<OrderDto> AssignAsync(Guid id, AssignOrder request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireStaff();
        var order = await FindAsync(id, ct);
        db.ExpectVersion(order, request.Version);
        var name = await assignees.RequireAsync(request.WorkerId ?? "", [order], ct);

        // A worker cannot be in two places at once: refuse an order whose standard time overlaps another open one of theirs.
        if (order.ScheduledFor is { } start)
        {
            var minutes = await db.Set<ServiceType>().Where(t => t.Code == order.ServiceTypeCode).Select(t => t.StandardMinutes).FirstAsync(ct);
            var end = start.AddMinutes(Math.Max(1, minutes));
            var open = new[] { OrderStatus.Assigned, OrderStatus.Accepted, OrderStatus.InProgress };
            var theirs = await db.Set<ServiceOrder>().AsNoTracking()
                .Where(o => o.WorkerId == request.WorkerId && o.Id != order.Id && open.Contains(o.Status) && o.ScheduledFor != null && o.ScheduledFor < end)
                .Select(o => new { o.ScheduledFor, o.ServiceTypeCode, o.ElderName }).ToListAsync(ct);
            var standard = await db.Set<ServiceType>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.StandardMinutes, ct);
            if (theirs.FirstOrDefault(o => o.ScheduledFor!.Value.AddMinutes(Math.Max(1, standard.GetValueOrDefault(o.ServiceTypeCode, 60))) > start) is { } clash)
            {
                throw DomainException.Conflict("Order.WorkerBusy", "workerId", name, clash.ElderName);
            }
        }

        order.Assign(request.WorkerId!, name);
        await db.SaveChangesAsync(ct);
        return ToDto(order);
    }

    public Task<OrderDto> AcceptAsync(Guid id, CancellationToken ct) => ChangeAsync(id, o => o.Accept(actor.AccountId ?? ""), ct);

    public Task<OrderDto> CheckInAsync(Guid id, OrderTimestamp request, CancellationToken ct) =>
        ChangeAsync(id, o =>
        {
            RequireWorker(o);
            o.CheckIn(At(request), Point(request), Now);
        }, ct);

    public Task<OrderDto> CheckOutAsync(Guid id, OrderTimestamp request, CancellationToken ct) =>
        ChangeAsync(id, o =>
        {
            RequireWorker(o);
            o.CheckOut(At(request), Point(request), Now);
        }, ct);

    public async Task<OrderDto> CompleteAsync(Guid id, CompleteOrder request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var order = await FindAsync(id, ct);
        Confirmation confirmation;
        if (request.StaffCountersignature)
        {
            // The countersignature is someone else's: the worker cannot sign for the elder.
            if (actor.AccountId == order.WorkerId || !(actor.IsPlatformAdmin || actor.IsInRole(Roles.Provider) || actor.IsInRole(Roles.VillageCommittee)))
            {
                throw DomainException.Forbidden("Order.CountersignOther");
            }

            confirmation = Confirmation.StaffCountersignature;
        }
        else
        {
            RequireWorker(order);
            if (string.IsNullOrWhiteSpace(request.ElderCode) || !await elders.ConfirmationCodeMatchesAsync(order.ElderId, request.ElderCode.Trim(), ct))
            {
                throw new DomainException("Order.ElderCode", ErrorKind.Validation, "elderCode");
            }

            confirmation = Confirmation.ElderCode;
        }

        var type = await db.Set<ServiceType>().AsNoTracking().FirstAsync(t => t.Code == order.ServiceTypeCode, ct);
        var homes = await elders.HomesAsync([order.ElderId], ct);
        var others = order.WorkerId is null || order.CheckInAt is null || order.CheckOutAt is null ? [] : await db.Set<ServiceOrder>().AsNoTracking()
            .Where(o => o.WorkerId == order.WorkerId && o.Id != order.Id && o.CheckInAt != null && o.CheckOutAt != null && o.CheckInAt < order.CheckOutAt && order.CheckInAt < o.CheckOutAt)
            .Select(o => new { Start = o.CheckInAt!.Value, End = o.CheckOutAt!.Value }).ToListAsync(ct);
        var signals = FraudRules.Detect(order, type.MinimumMinutes, homes.GetValueOrDefault(order.ElderId), FarMeters, others.Select(o => (o.Start, o.End)));

        // The price breakdown of the delivery is stored with it, from the rules in force on the day it was delivered.
        if (await elders.FindAsync(order.ElderId, ct) is { } elder)
        {
            var rules = await db.Set<SubsidyRule>().AsNoTracking().Where(r => r.ServiceTypeCode == type.Code).ToListAsync(ct);
            order.Price(Pricing.Quote(type, rules, elder, ChinaTime.Day(order.CheckOutAt ?? Now), subsidisedAlreadyToday: false));
        }

        order.Complete(confirmation, signals, Now);
        await db.SaveChangesAsync(ct);
        if (order.NeedId is { } need)
        {
            await matching.RecordDeliveryAsync(need, order.CheckOutAt ?? Now, ct);
        }

        return ToDto(order);
    }

    public Task<OrderDto> CancelAsync(Guid id, CancelOrder request, CancellationToken ct) =>
        ChangeAsync(id, o =>
        {
            RequireStaff();
            o.Cancel(request?.Reason ?? "");
        }, ct);

    public Task<OrderDto> NoShowAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, o =>
        {
            if (o.WorkerId != actor.AccountId)
            {
                RequireStaff();
            }

            o.MarkNoShow();
        }, ct);

    private async Task<OrderDto> ChangeAsync(Guid id, Action<ServiceOrder> change, CancellationToken ct)
    {
        var order = await FindAsync(id, ct);
        change(order);
        await db.SaveChangesAsync(ct);
        return ToDto(order);
    }

    private async Task<ServiceOrder> FindAsync(Guid id, CancellationToken ct, bool track = true)
    {
        var q = track ? db.Set<ServiceOrder>().AsQueryable() : db.Set<ServiceOrder>().AsNoTracking();
        var order = await q.FirstOrDefaultAsync(o => o.Id == id, ct);
        return order is not null && (actor.Covers(order.VillageCode) || order.WorkerId == actor.AccountId) ? order : throw DomainException.NotFound("Order.NotFound");
    }

    private IQueryable<ServiceOrder> Visible()
    {
        var q = db.Set<ServiceOrder>().AsNoTracking();
        if (actor.IsPlatformAdmin)
        {
            return q;
        }

        var me = actor.AccountId ?? "";
        var prefixes = actor.ScopePrefixes;
        return q.WhereRegionUnder(o => o.VillageCode, prefixes).Union(q.Where(o => o.WorkerId == me));
    }

    private void RequireStaff()
    {
        if (!actor.IsPlatformAdmin && !actor.IsInRole(Roles.Provider) && !actor.IsInRole(Roles.VillageCommittee))
        {
            throw DomainException.Forbidden("Order.StaffOnly");
        }
    }

    private void RequireWorker(ServiceOrder order)
    {
        if (order.WorkerId != actor.AccountId)
        {
            throw DomainException.Forbidden("Order.NotYourOrder");
        }
    }

    private DateTime At(OrderTimestamp? request) => request?.At?.ToUniversalTime() ?? Now;

    private static GeoPoint? Point(OrderTimestamp? request)
    {
        if (request?.Latitude is null && request?.Longitude is null)
        {
            return null;
        }

        var point = new GeoPoint(request.Latitude ?? double.NaN, request.Longitude ?? double.NaN);
        return point.IsValid ? point : throw new DomainException("Order.Location", ErrorKind.Validation, "latitude");
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static OrderDto ToDto(ServiceOrder o) =>
        new(o.Id, o.ElderId, o.ElderName, o.VillageCode, o.ServiceTypeCode, o.Source, o.NeedId, o.ScheduledFor, o.Status, o.WorkerId, o.WorkerName, o.CheckInAt,
            o.CheckOutAt, o.Minutes, o.ConfirmedBy, o.CompletedAt, o.CancelReason, o.FraudSignals, o.RequestedAt, o.Version, o.PriorityReason, o.ListPriceFen, o.SubsidyFen,
            o.SubsidyName, o.PaidFen);
}
