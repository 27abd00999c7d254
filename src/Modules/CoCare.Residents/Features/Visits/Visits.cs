using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Residents.Features.Elders;
using CoCare.Residents.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CoCare.Residents.Features.Visits;

public sealed record NeedFound(Guid ElderId, NeedCategory Category, string Detail, Urgency Urgency = Urgency.Normal);

public sealed record RecordVisit(
    DateOnly Date,
    int DurationMinutes,
    IReadOnlyList<VisitParticipant>? Participants,
    IReadOnlyList<Guid>? ElderIds,
    string? Observations,
    DateOnly? FollowUpDate,
    IReadOnlyList<NeedFound>? Needs);

public sealed record VisitDto(Guid Id, string VillageCode, DateOnly Date, int DurationMinutes, IReadOnlyList<VisitParticipant> Participants,
    IReadOnlyList<Guid> ElderIds, string Observations, DateOnly? FollowUpDate, bool FollowedUp, IReadOnlyList<Guid> NeedIds);

public sealed class RecordVisitValidator : AbstractValidator<RecordVisit>
{
    public RecordVisitValidator(IStringLocalizer<ResidentsText> s)
    {
        RuleFor(v => v.DurationMinutes).InclusiveBetween(1, 480).WithName(s["Field.Duration"]);
        RuleFor(v => v.Participants).NotEmpty().WithName(s["Field.Participants"]);
        RuleForEach(v => v.Participants).ChildRules(p =>
        {
            p.RuleFor(x => x.Name).NotEmpty().MaximumLength(50).WithName(s["Field.Name"]);
            p.RuleFor(x => x.Role).NotEmpty().MaximumLength(30).WithName(s["Field.Role"]);
        });
        RuleFor(v => v.ElderIds).NotEmpty().WithName(s["Field.EldersSeen"]);
        RuleFor(v => v.Observations).MaximumLength(4000).WithName(s["Field.Observations"]);
        RuleFor(v => v.FollowUpDate).GreaterThanOrEqualTo(v => v.Date).When(v => v.FollowUpDate is not null).WithMessage(s["Visit.FollowUpBeforeVisit"]);
        RuleForEach(v => v.Needs).ChildRules(n =>
        {
            n.RuleFor(x => x.Detail).NotEmpty().MaximumLength(1000).WithName(s["Field.Detail"]);
            n.RuleFor(x => x.Category).IsInEnum();
            n.RuleFor(x => x.Urgency).IsInEnum();
        });
        RuleForEach(v => v.Needs).Must((visit, need) => visit.ElderIds?.Contains(need.ElderId) == true).WithMessage(s["Visit.NeedForElderNotSeen"]);
    }
}

/// <summary>Home visits: recorded with the elders seen and the needs found, each need linked back to its visit.</summary>
public sealed class VisitHandlers(AppDbContext db, CurrentActor actor, ElderHandlers elders, TimeProvider clock, IValidator<RecordVisit> validator)
{
    public async Task<VisitDto> RecordAsync(RecordVisit request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ElderHandlers.RequireManager(actor);

        await validator.ValidateAndThrowAsync(request, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Date > DateOnly.FromDateTime(now))
        {
            throw new DomainException("Visit.DateInFuture", ErrorKind.Validation, "date");
        }

        var seen = new List<Elder>();
        foreach (var id in request.ElderIds!.Distinct())
        {
            seen.Add(await elders.FindAsync(id, ct));
        }

        var visit = new HomeVisit(seen[0].VillageCode, request.Date, request.DurationMinutes, request.Participants!, seen.Select(e => e.Id),
            request.Observations?.Trim() ?? "", request.FollowUpDate, actor.UserName ?? "system", now);
        db.Add(visit);
        var needs = (request.Needs ?? []).Select(n => new Need(n.ElderId, n.Category, n.Detail.Trim(), n.Urgency, NeedSource.HomeVisit, visit.Id, actor.UserName ?? "system", now)).ToList();
        db.AddRange(needs);
        await db.SaveChangesAsync(ct);
        return ToDto(visit, needs.Select(n => n.Id).ToList());
    }

    public async Task<VisitDto> GetAsync(Guid id, CancellationToken ct)
    {
        var visit = await db.Set<HomeVisit>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null || !InScope(visit.VillageCode))
        {
            throw DomainException.NotFound("Visit.NotFound");
        }

        var needIds = await db.Set<Need>().AsNoTracking().Where(n => n.HomeVisitId == id).Select(n => n.Id).ToListAsync(ct);
        return ToDto(visit, needIds);
    }

    /// <summary>Visits whose follow-up date has passed without a follow-up, oldest first.</summary>
    public async Task<IReadOnlyList<VisitDto>> OverdueFollowUpsAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var visits = await Visible().Where(v => v.FollowUpDate != null && v.FollowUpDate < today && !v.FollowedUp).OrderBy(v => v.FollowUpDate).Take(200).ToListAsync(ct);
        return visits.Select(v => ToDto(v, [])).ToList();
    }

    public async Task<Page<VisitDto>> ListAsync(PageRequest paging, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var q = Visible();
        if (from is not null)
        {
            q = q.Where(v => v.Date >= from);
        }

        if (to is not null)
        {
            q = q.Where(v => v.Date <= to);
        }

        var total = await q.CountAsync(ct);
        var visits = await q.OrderByDescending(v => v.Date).ThenByDescending(v => v.RecordedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<VisitDto>(visits.Select(v => ToDto(v, [])).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    public async Task<VisitDto> MarkFollowedUpAsync(Guid id, CancellationToken ct)
    {
        var visit = await db.Set<HomeVisit>().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null || !InScope(visit.VillageCode))
        {
            throw DomainException.NotFound("Visit.NotFound");
        }

        visit.MarkFollowedUp();
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private bool InScope(string villageCode) => actor.Covers(villageCode);

    private IQueryable<HomeVisit> Visible()
    {
        var q = db.Set<HomeVisit>().AsNoTracking();
        return actor.IsPlatformAdmin ? q
            : q.WhereRegionUnder(v => v.VillageCode, actor.ScopePrefixes);
    }

    private static VisitDto ToDto(HomeVisit v, IReadOnlyList<Guid> needIds) =>
        new(v.Id, v.VillageCode, v.Date, v.DurationMinutes, v.Participants, v.ElderIds, v.Observations, v.FollowUpDate, v.FollowedUp, needIds);
}
