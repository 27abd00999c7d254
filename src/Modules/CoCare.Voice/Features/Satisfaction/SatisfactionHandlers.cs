using CoCare.Data;
using CoCare.Kernel;
using CoCare.Voice.Domain;
using CoCare.Voice.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Voice.Features.Satisfaction;

/// <summary>
/// A rating: of a completed service (<c>subjectId</c> = the order) or a meal (the check-in), from the phone page or
/// recorded by staff; or from a survey or return visit in a village.
/// </summary>
public sealed record RateRequest(RatedSubject Subject, Guid? SubjectId, string? VillageCode, int Score, string? Remark);

public sealed record RatingDto(Guid Id, RatedSubject Subject, Guid? SubjectId, string VillageCode, Guid? ProviderOrganizationId, string? ServiceTypeCode,
    Guid? ServicePointId, int Score, string? Remark, DateTime At);

public enum SatisfactionBy
{
    Total,
    Provider,
    ServiceType,
    ServicePoint,
    Village,
    Month,
}

public sealed record SatisfactionRow(string Key, int Satisfied, int Valid, double? Rate);

/// <summary>The satisfaction rate (ratings 4–5 ÷ valid ratings) overall and cut by one dimension.</summary>
public sealed record SatisfactionDto(SatisfactionBy By, DateOnly? From, DateOnly? To, SatisfactionRow Total, IReadOnlyList<SatisfactionRow> Rows);

/// <summary>Ratings and the satisfaction rate as DESIGN.md defines it, per provider, service type, service point, village and period.</summary>
internal sealed class SatisfactionHandlers(AppDbContext db, CurrentActor actor, IDirectory directory, IServiceFacts services, ContractParties parties, TimeProvider clock)
{
    public async Task<RatingDto> RateAsync(RateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Staff.Can(actor))
        {
            throw DomainException.Forbidden("Feedback.StaffOnly");
        }

        if (request.Score is < 1 or > 5)
        {
            throw new DomainException("Rating.Range", ErrorKind.Validation, "score");
        }

        DeliveryFacts? delivery = request.Subject switch
        {
            RatedSubject.Service => await services.OrderAsync(request.SubjectId ?? Guid.Empty, ct) ?? throw new DomainException("Rating.Subject", ErrorKind.Validation, "subjectId"),
            RatedSubject.Meal => await services.MealAsync(request.SubjectId ?? Guid.Empty, ct) ?? throw new DomainException("Rating.Subject", ErrorKind.Validation, "subjectId"),
            _ => null,
        };
        if (delivery is { Completed: false })
        {
            throw DomainException.Conflict("Rating.NotCompleted");
        }

        var village = delivery?.VillageCode ?? request.VillageCode;
        if (string.IsNullOrWhiteSpace(village) || !await directory.RegionExistsAsync(village, ct))
        {
            throw new DomainException("Region.Unknown", ErrorKind.Validation, "villageCode");
        }

        if (!actor.Covers(village))
        {
            throw DomainException.Forbidden("Voice.OutsideRegion");
        }

        var rating = new SatisfactionRating(request.Subject, delivery?.Id ?? (request.Subject is RatedSubject.Survey or RatedSubject.ReturnVisit ? request.SubjectId : null),
            village, await parties.ProviderForAsync(village, ct), delivery?.ServiceTypeCode, delivery?.ServicePointId, request.Score, request.Remark, actor.UserName ?? "system",
            clock.GetUtcNow().UtcDateTime);
        db.Add(rating);
        await db.SaveChangesAsync(ct);
        return ToDto(rating);
    }

    public async Task<SatisfactionDto> RateOfAsync(SatisfactionBy by, string? region, Guid? providerId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!Enum.IsDefined(by))
        {
            throw new DomainException("Satisfaction.By", ErrorKind.Validation, "by");
        }

        var q = db.Set<SatisfactionRating>().AsNoTracking();
        if (!actor.IsPlatformAdmin && !actor.IsInRole(Roles.Auditor) && !actor.IsInRole(Roles.Evaluator))
        {
            q = q.WhereRegionUnder(r => r.VillageCode, actor.ScopePrefixes);
        }

        if (region is { Length: > 0 })
        {
            q = q.WhereRegionUnder(r => r.VillageCode, RegionCode.Prefixes([region]));
        }

        if (providerId is { } p)
        {
            q = q.Where(r => r.ProviderOrganizationId == p);
        }

        if (from is { } f)
        {
            q = q.Where(r => r.Day >= f);
        }

        if (to is { } t)
        {
            q = q.Where(r => r.Day <= t);
        }

        // Counted in the database: one row per key with the satisfied and valid counts.
        var groups = by switch
        {
            SatisfactionBy.Provider => await Count(q.GroupBy(r => r.ProviderOrganizationId), k => k?.ToString() ?? "", ct),
            SatisfactionBy.ServiceType => await Count(q.GroupBy(r => r.ServiceTypeCode), k => k ?? "", ct),
            SatisfactionBy.ServicePoint => await Count(q.GroupBy(r => r.ServicePointId), k => k?.ToString() ?? "", ct),
            SatisfactionBy.Village => await Count(q.GroupBy(r => r.VillageCode), k => k, ct),
            SatisfactionBy.Month => await Count(q.GroupBy(r => (r.Day.Year * 100) + r.Day.Month), k => $"{k / 100:D4}-{k % 100:D2}", ct),
            _ => [],
        };
        var total = await q.GroupBy(_ => 1).Select(g => new { Satisfied = g.Count(r => r.Score >= 4), Valid = g.Count() }).FirstOrDefaultAsync(ct);
        var all = new SatisfactionRate(total?.Satisfied ?? 0, total?.Valid ?? 0);
        return new SatisfactionDto(by, from, to, new SatisfactionRow("", all.Satisfied, all.Valid, all.Rate),
            groups.OrderBy(g => g.Key, StringComparer.Ordinal).ToList());
    }

    private static async Task<List<SatisfactionRow>> Count<TKey>(IQueryable<IGrouping<TKey, SatisfactionRating>> groups, Func<TKey, string> name, CancellationToken ct)
    {
        var rows = await groups.Select(g => new { g.Key, Satisfied = g.Count(r => r.Score >= 4), Valid = g.Count() }).ToListAsync(ct);
        return rows.Select(r => new SatisfactionRow(name(r.Key), r.Satisfied, r.Valid, new SatisfactionRate(r.Satisfied, r.Valid).Rate)).ToList();
    }

    private static RatingDto ToDto(SatisfactionRating r) =>
        new(r.Id, r.Subject, r.SubjectId, r.VillageCode, r.ProviderOrganizationId, r.ServiceTypeCode, r.ServicePointId, r.Score, r.Remark, r.At);
}
