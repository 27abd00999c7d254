using CoCare.Data;
using CoCare.Kernel;
using CoCare.Voice.Domain;
using CoCare.Voice.Features.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Voice.Features.Rules;

public sealed record MakeRule(RuleKind Kind, Guid? ElderId, string? Category, string? Condition, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record WithdrawDecision(string Reason);

public sealed record RuleDto(Guid Id, Guid DecisionId, string DecisionTitle, string RegionCode, RuleKind Kind, Guid? ElderId, string? ElderName, string? Category,
    string? Condition, DateOnly ValidFrom, DateOnly? ValidTo, bool InForce);

/// <summary>A decision with everything behind it: the motion and its count, the meeting and its attendance, and the rules it made.</summary>
public sealed record DecisionDto(Guid Id, string Title, bool Carried, DateTime DecidedAt, DateTime? WithdrawnAt, string? WithdrawReason, Guid MeetingId, string MeetingTitle,
    DateTime MeetingStartsAt, int Eligible, int Present, string Motion, IReadOnlyList<string> Options, IReadOnlyList<int> Counts, MajorityRule Majority,
    IReadOnlyList<RuleDto> Rules);

/// <summary>Rules from decisions: made by the conveners from a carried decision, in force until their end date or until the decision is withdrawn.</summary>
internal sealed class RuleHandlers(AppDbContext db, CurrentActor actor, IElderFacts elders, RuleBook book, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => ChinaTime.Day(Now);

    public async Task<RuleDto> MakeAsync(Guid decisionId, MakeRule request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = await DecisionAsync(decisionId, ct);
        Conveners.Require(actor, decision.RegionCode);
        string? elderName = null;
        if (request.ElderId is { } elderId)
        {
            var elder = await elders.FindAsync(elderId, ct) ?? throw new DomainException("Elder.NotFound", ErrorKind.Validation, "elderId");
            if (!RegionCode.IsWithin(elder.VillageCode, decision.RegionCode))
            {
                throw new DomainException("Rule.ElderElsewhere", ErrorKind.Validation, "elderId");
            }

            elderName = elder.Name;
        }

        var rule = new VoiceRule(decision, request.Kind, request.ElderId, elderName, request.Category, request.Condition, request.ValidFrom ?? Today, request.ValidTo);
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        book.Invalidate();
        return ToDto(rule, decision);
    }

    public async Task<DecisionDto> WithdrawAsync(Guid decisionId, WithdrawDecision request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = await DecisionAsync(decisionId, ct);
        Conveners.Require(actor, decision.RegionCode);
        decision.Withdraw(request.Reason ?? "", Now);
        await db.SaveChangesAsync(ct);
        book.Invalidate();
        return await GetAsync(decisionId, ct);
    }

    public async Task<DecisionDto> GetAsync(Guid decisionId, CancellationToken ct)
    {
        var decision = await DecisionAsync(decisionId, ct);
        var motion = await db.Set<Motion>().AsNoTracking().FirstAsync(m => m.Id == decision.MotionId, ct);
        var meeting = await db.Set<Meeting>().AsNoTracking().FirstAsync(m => m.Id == decision.MeetingId, ct);
        var rules = await db.Set<VoiceRule>().AsNoTracking().Where(r => r.DecisionId == decisionId).OrderBy(r => r.ValidFrom).ToListAsync(ct);
        return new DecisionDto(decision.Id, decision.Title, decision.Carried, decision.DecidedAt, decision.WithdrawnAt, decision.WithdrawReason, meeting.Id, meeting.Title,
            meeting.StartsAt, motion.Eligible, motion.Present, motion.Text, motion.Options, motion.Counts, motion.Majority, rules.Select(r => ToDto(r, decision)).ToList());
    }

    public async Task<IReadOnlyList<RuleDto>> ListAsync(string? region, Guid? elderId, CancellationToken ct)
    {
        var q = from r in db.Set<VoiceRule>().AsNoTracking()
                join d in db.Set<Decision>().AsNoTracking() on r.DecisionId equals d.Id
                select new { r, d };
        if (!actor.IsPlatformAdmin)
        {
            q = q.WhereRegionUnder(x => x.r.RegionCode, actor.ScopePrefixes);
        }

        if (region is { Length: > 0 })
        {
            q = q.WhereRegionUnder(x => x.r.RegionCode, RegionCode.Prefixes([region]));
        }

        if (elderId is { } e)
        {
            q = q.Where(x => x.r.ElderId == e);
        }

        var rows = await q.OrderByDescending(x => x.d.DecidedAt).Take(500).ToListAsync(ct);
        return rows.Select(x => ToDto(x.r, x.d)).ToList();
    }

    private async Task<Decision> DecisionAsync(Guid id, CancellationToken ct)
    {
        var decision = await db.Set<Decision>().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw DomainException.NotFound("Decision.NotFound");
        if (!actor.Covers(decision.RegionCode))
        {
            throw DomainException.NotFound("Decision.NotFound");
        }

        return decision;
    }

    private RuleDto ToDto(VoiceRule r, Decision d) =>
        new(r.Id, d.Id, d.Title, r.RegionCode, r.Kind, r.ElderId, r.ElderName, r.Category, r.Condition, r.ValidFrom, r.ValidTo, r.AppliesOn(Today, d));
}
