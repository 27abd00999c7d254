using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Residents.Features.Elders;
using CoCare.Residents.Resources;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CoCare.Residents.Features.Assessments;

public sealed record RecordAssessment(
    DateOnly Date,
    string AssessorA,
    string AssessorB,
    Dictionary<string, int>? Scores,
    bool Coma,
    bool Dementia,
    bool PsychiatricDiagnosis,
    int CareRiskEventsLast30Days);

public sealed record AssessmentDto(Guid Id, DateOnly Date, string AssessorA, string AssessorB, int Total, IReadOnlyDictionary<string, int> Subtotals,
    CapabilityLevel LevelFromTotal, CapabilityLevel Level, string? Adjustment, DateOnly NextDue);

/// <summary>Capability assessments (GB/T 42195-2022): two assessors, all 26 items, the level computed, never typed.</summary>
public sealed class AssessmentHandlers(AppDbContext db, CurrentActor actor, ElderHandlers elders, TimeProvider clock, IStringLocalizer<ResidentsText> s)
{
    public async Task<AssessmentDto> RecordAsync(Guid elderId, RecordAssessment request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ElderHandlers.RequireManager(actor);

        var elder = await elders.FindAsync(elderId, ct, tracked: true);
        if (!elder.HealthDataConsented)
        {
            throw DomainException.Conflict("Assessment.NoHealthConsent");
        }

        var scores = request.Scores ?? [];
        var failures = CapabilityScoring.Check(scores)
            .Select(p => new ValidationFailure(p.Field, string.Format(System.Globalization.CultureInfo.CurrentCulture, s[p.Code], p.Arguments))).ToList();
        var a = request.AssessorA?.Trim() ?? "";
        var b = request.AssessorB?.Trim() ?? "";
        if (a.Length == 0 || b.Length == 0 || string.Equals(a, b, StringComparison.Ordinal) || a.Length > 100 || b.Length > 100)
        {
            failures.Add(new ValidationFailure("assessorB", s["Assessment.TwoAssessors"]));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (request.Date > today || request.Date < today.AddYears(-5))
        {
            failures.Add(new ValidationFailure("date", s["Assessment.DateRange"]));
        }

        if (request.CareRiskEventsLast30Days is < 0 or > 100)
        {
            failures.Add(new ValidationFailure("careRiskEventsLast30Days", s["Assessment.EventsRange"]));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(s["Assessment.Invalid"], failures);
        }

        var conditions = new CapabilityConditions(request.Coma, request.Dementia, request.PsychiatricDiagnosis, request.CareRiskEventsLast30Days);
        var result = CapabilityScoring.Score(scores, conditions);
        var assessment = new Assessment(elder.Id, request.Date, a, b, new Dictionary<string, int>(scores), conditions, result, actor.UserName ?? "system");
        db.Add(assessment);
        var latest = await db.Set<Assessment>().Where(x => x.ElderId == elder.Id).OrderByDescending(x => x.Date).Select(x => (DateOnly?)x.Date).FirstOrDefaultAsync(ct);
        if (latest is null || request.Date >= latest)
        {
            elder.Assessed(result.Level, assessment.NextDue);
        }

        await db.SaveChangesAsync(ct);
        return ToDto(assessment);
    }

    public async Task<IReadOnlyList<AssessmentDto>> HistoryAsync(Guid elderId, CancellationToken ct)
    {
        var elder = await elders.FindAsync(elderId, ct);
        if (!elders.MaySeeHealthData(elder))
        {
            throw DomainException.Forbidden("Elder.HealthDataHidden");
        }

        var list = await db.Set<Assessment>().AsNoTracking().Where(a => a.ElderId == elder.Id).OrderByDescending(a => a.Date).ToListAsync(ct);
        return list.Select(ToDto).ToList();
    }

    private static AssessmentDto ToDto(Assessment a)
    {
        var subtotals = CapabilityScoring.Items.GroupBy(i => i.Group).ToDictionary(g => g.Key.ToString(), g => g.Sum(i => a.Scores.GetValueOrDefault(i.Code)));
        return new AssessmentDto(a.Id, a.Date, a.AssessorA, a.AssessorB, a.Total, subtotals, a.LevelFromTotal, a.Level, a.Adjustment, a.NextDue);
    }
}
