using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Services.Features.Canteen;

/// <summary>
/// A dining check-in from the counter. <see cref="CheckInId"/> is chosen by the device (a new one per diner) so that
/// a retry after a lost answer records nothing twice. Give the card number (or the QR code's text) or, after a search
/// by name, the elder's id.
/// </summary>
public sealed record CheckInRequest(Guid CheckInId, string? Card, Guid? ElderId, PaymentMethod? Payment, string? PaymentReference);

public sealed record CheckInDto(Guid Id, Guid ServicePointId, Guid ElderId, string ElderName, DateOnly Day, DateTime At, string Session, CheckInMethod Method,
    long ListPriceFen, long SubsidyFen, long PaidFen, string? SubsidyName, string? NotApplied, PaymentMethod Payment, string? PaymentReference, string RecordedBy)
{
    public static CheckInDto From(MealCheckIn c) =>
        new(c.Id, c.ServicePointId, c.ElderId, c.ElderName, c.Day, c.At, c.Session, c.Method, c.ListPriceFen, c.SubsidyFen, c.PaidFen, c.SubsidyName,
            c.NotApplied, c.Payment, c.PaymentReference, c.RecordedBy);
}

/// <summary>The answer to a check-in: what was recorded, the reason a subsidy was not applied in words, and whether this was a repeat of an earlier request.</summary>
/// <remarks><c>RulingText</c> names the village decision when the elder is admitted on a condition it set.</remarks>
public sealed record CheckInResult(CheckInDto CheckIn, string? NotAppliedText, bool Repeated, string? RulingText = null);

/// <summary>
/// The lunch-hour hot path. The request is checked here (the card is known and the elder in the caller's regions,
/// the point serves the elder's village and is open now), then the one writer prices it against the day's earlier
/// meals and stores it before anything is answered.
/// </summary>
internal sealed class CheckInHandlers(IServiceProvider services, CurrentActor actor, CanteenLookups lookups, IErrorText errors, TimeProvider clock, CheckInWriter writer)
{
    public async Task<CheckInResult> CheckInAsync(Guid pointId, CheckInRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CheckInId == Guid.Empty)
        {
            throw new DomainException("CheckIn.IdRequired", ErrorKind.Validation, "checkInId");
        }

        PendingCheckIn pending;
        CanteenRuling? ruling;
        try
        {
            (pending, ruling) = await AdmitAsync(pointId, request, ct);
        }
        catch (DomainException)
        {
            // A retry of a check-in that was recorded (its answer got lost) gets the first answer, even if the point has closed since.
            var earlier = await StoredAsync(request.CheckInId, ct);
            if (earlier is null)
            {
                throw;
            }

            return earlier.ServicePointId == pointId ? Result(earlier, repeated: true) : throw DomainException.Conflict("CheckIn.IdUsed", "checkInId");
        }

        var (checkIn, created) = await writer.WriteAsync(pending, ct);
        return checkIn.ServicePointId == pointId
            ? Result(checkIn, repeated: !created) with { RulingText = ruling is { Admitted: true } r ? errors.Describe(new DomainException("CheckIn.AdmittedOnCondition", ErrorKind.Validation, null, r.DecisionTitle, r.MeetingTitle, Day(r.DecidedOn), r.Condition ?? "")) : null }
            : throw DomainException.Conflict("CheckIn.IdUsed", "checkInId");
    }

    /// <summary>
    /// The checks made before the writer: who asks, a well-formed request, the card known and the elder in the caller's
    /// regions, the point serving the elder's village and open now, and no village decision keeping the elder out.
    /// The happy path reads only the short-lived lookups and the rules held in memory.
    /// </summary>
    private async Task<(PendingCheckIn Pending, CanteenRuling? Ruling)> AdmitAsync(Guid pointId, CheckInRequest request, CancellationToken ct)
    {
        RequireCounterStaff();
        var payment = request.Payment ?? PaymentMethod.Cash;
        if (!Enum.IsDefined(payment))
        {
            throw new DomainException("CheckIn.Payment", ErrorKind.Validation, "payment");
        }

        if (request.PaymentReference is { Length: > 64 } || (payment == PaymentMethod.EWallet && string.IsNullOrWhiteSpace(request.PaymentReference)))
        {
            throw new DomainException("CheckIn.PaymentReference", ErrorKind.Validation, "paymentReference");
        }

        if ((request.Card is null) == (request.ElderId is null))
        {
            throw new DomainException("CheckIn.CardOrElder", ErrorKind.Validation, "card");
        }

        var point = await lookups.PointAsync(pointId, ct);
        if (point is null || !CanteenHandlers.IsVisible(point, actor))
        {
            throw DomainException.NotFound("Canteen.NotFound");
        }

        ElderFacts elder;
        CheckInMethod method;
        if (request.Card is { } card)
        {
            if (card.Length > 64)
            {
                throw new DomainException("CheckIn.CardFormat", ErrorKind.Validation, "card");
            }

            elder = await lookups.ElderByCardAsync(card, actor, ct) ?? throw DomainException.NotFound("CheckIn.UnknownCard", card.Trim());
            method = card.Trim().StartsWith("COCARE:", StringComparison.OrdinalIgnoreCase) ? CheckInMethod.QrCode : CheckInMethod.Card;
        }
        else
        {
            elder = await services.GetRequiredService<IElderFacts>().FindAsync(request.ElderId!.Value, ct) ?? throw DomainException.NotFound("Elder.NotFound");
            method = CheckInMethod.NameSearch;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var session = point.Admit(elder, now);

        // A village decision may keep an elder out of the canteen (or admit them on a condition): the refusal names it.
        var ruling = await services.GetRequiredService<IVoiceRules>().CanteenRulingAsync(elder.Id, ChinaTime.Day(now), ct);
        if (ruling is { Admitted: false })
        {
            throw DomainException.Conflict("CheckIn.ExcludedByDecision", null, elder.Name, ruling.DecisionTitle, ruling.MeetingTitle, Day(ruling.DecidedOn));
        }

        return (new PendingCheckIn(request.CheckInId, point, elder, session, now, method, payment, request.PaymentReference?.Trim(), actor.UserName ?? "system"), ruling);
    }

    /// <summary>The check-in already stored under this id, if any (only read when a check-in is refused).</summary>
    private Task<MealCheckIn?> StoredAsync(Guid id, CancellationToken ct) =>
        services.GetRequiredService<AppDbContext>().Set<MealCheckIn>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    public async Task<Page<CheckInDto>> ListAsync(Guid pointId, DateOnly? day, PageRequest paging, CancellationToken ct)
    {
        var point = await services.GetRequiredService<CanteenHandlers>().FindPointAsync(pointId, ct);
        var db = services.GetRequiredService<AppDbContext>();
        var on = day ?? ChinaTime.Day(clock.GetUtcNow().UtcDateTime);
        var q = db.Set<MealCheckIn>().AsNoTracking().Where(c => c.ServicePointId == point.Id && c.Day == on);
        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(c => EF.Functions.Like(c.ElderName, like, "\\"));
        }

        var total = await q.CountAsync(ct);
        var rows = await Sorts.Apply(q, paging).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<CheckInDto>(rows.Select(CheckInDto.From).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    private static readonly Sorting<MealCheckIn> Sorts = new Sorting<MealCheckIn>("at")
        .Add("at", c => c.At, newestFirst: true)
        .Add("elder", c => c.ElderName)
        .Add("paid", c => c.PaidFen);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private CheckInResult Result(MealCheckIn c, bool repeated) =>
        new(CheckInDto.From(c), c.NotApplied is { } key ? errors.Describe(new DomainException(key)) : null, repeated);

    private void RequireCounterStaff()
    {
        if (!actor.IsPlatformAdmin && !actor.IsInRole(Roles.Provider) && !actor.IsInRole(Roles.Volunteer) && !actor.IsInRole(Roles.VillageCommittee)
            && !actor.IsInRole(Roles.ResidentOrganization))
        {
            throw DomainException.Forbidden("CheckIn.CounterStaffOnly");
        }
    }
}
