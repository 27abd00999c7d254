using CoCare.Data;
using CoCare.Kernel;
using CoCare.Voice.Domain;
using CoCare.Voice.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Voice.Features.Satisfaction;

public sealed record SaveSurvey(string Title, IReadOnlyList<string>? Items);

public sealed record SurveyDto(Guid Id, string Title, IReadOnlyList<string> Items, bool IsActive, int Responses, IReadOnlyList<double?> Averages);

public sealed record AnswerSurvey(string VillageCode, IReadOnlyList<int>? Scores, string? Remark);

/// <summary>
/// Periodic satisfaction surveys: templates of 5-point questions (the first is the overall satisfaction), responses
/// recorded in a village; each response's overall answer is a satisfaction rating of the survey.
/// </summary>
internal sealed class SurveyHandlers(AppDbContext db, CurrentActor actor, IDirectory directory, ContractParties parties, TimeProvider clock)
{
    public async Task<SurveyDto> CreateAsync(SaveSurvey request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.IsPlatformAdmin && !actor.IsInRole(Roles.Purchaser) && !actor.IsInRole(Roles.Provider) && !actor.IsInRole(Roles.Evaluator))
        {
            throw DomainException.Forbidden("Survey.AuthorsOnly");
        }

        var template = new SurveyTemplate(request.Title ?? "", request.Items ?? [], actor.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        db.Add(template);
        await db.SaveChangesAsync(ct);
        return await GetAsync(template.Id, ct);
    }

    public async Task<IReadOnlyList<SurveyDto>> ListAsync(CancellationToken ct)
    {
        var ids = await db.Set<SurveyTemplate>().AsNoTracking().OrderByDescending(t => t.CreatedAt).Select(t => t.Id).Take(100).ToListAsync(ct);
        var list = new List<SurveyDto>();
        foreach (var id in ids)
        {
            list.Add(await GetAsync(id, ct));
        }

        return list;
    }

    public async Task<SurveyDto> GetAsync(Guid id, CancellationToken ct)
    {
        var template = await db.Set<SurveyTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound("Survey.NotFound");
        var q = db.Set<SurveyResponse>().AsNoTracking().Where(r => r.TemplateId == id);
        if (!actor.IsPlatformAdmin && !actor.IsInRole(Roles.Auditor) && !actor.IsInRole(Roles.Evaluator))
        {
            q = q.WhereRegionUnder(r => r.VillageCode, actor.ScopePrefixes);
        }

        var scores = await q.Select(r => r.Scores).Take(100_000).ToListAsync(ct);
        var averages = template.Items.Select((_, i) => scores.Count == 0 ? (double?)null : Math.Round(scores.Average(s => s.ElementAtOrDefault(i)), 2)).ToList();
        return new SurveyDto(template.Id, template.Title, template.Items, template.IsActive, scores.Count, averages);
    }

    public async Task<SurveyDto> AnswerAsync(Guid id, AnswerSurvey request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Staff.Can(actor))
        {
            throw DomainException.Forbidden("Feedback.StaffOnly");
        }

        var template = await db.Set<SurveyTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound("Survey.NotFound");
        if (string.IsNullOrWhiteSpace(request.VillageCode) || !await directory.RegionExistsAsync(request.VillageCode, ct))
        {
            throw new DomainException("Region.Unknown", ErrorKind.Validation, "villageCode");
        }

        if (!actor.Covers(request.VillageCode))
        {
            throw DomainException.Forbidden("Voice.OutsideRegion");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var response = new SurveyResponse(template, request.VillageCode, request.Scores ?? [], request.Remark, actor.UserName ?? "system", now);
        db.Add(response);
        db.Add(new SatisfactionRating(RatedSubject.Survey, response.Id, response.VillageCode, await parties.ProviderForAsync(response.VillageCode, ct), null, null, response.Overall,
            response.Remark, actor.UserName ?? "system", now));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

}
