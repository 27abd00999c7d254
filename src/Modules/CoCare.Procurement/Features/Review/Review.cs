using CoCare.Data;
using CoCare.Data.Inbox;
using CoCare.Kernel;
using CoCare.Procurement.Domain;
using CoCare.Procurement.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Procurement.Features.Review;

public sealed record ScoreApplication(IReadOnlyList<int>? Scores, string? Comment);

public sealed record RankingRow(int Rank, Guid ApplicationId, Guid ProviderOrganizationId, string ProviderName, decimal WeightedScore, int Reviewers, ApplicationStatus Status);

public sealed record AwardProject(Guid ApplicationId, string Reason);

/// <summary>Review and award: the purchaser's reviewers score applications after the deadline; the ranking is computed; one is awarded.</summary>
public sealed class ReviewHandlers(AppDbContext db, CurrentActor actor, IDirectory directory, Inbox inbox, TimeProvider clock)
{
    public async Task<IReadOnlyList<RankingRow>> ScoreAsync(Guid applicationId, ScoreApplication request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var application = await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct) ?? throw DomainException.NotFound("Application.NotFound");
        var project = await db.Set<PurchaseProject>().AsNoTracking().FirstAsync(p => p.Id == application.ProjectId, ct);
        Access.RequirePurchaserOf(actor, project.PurchaserOrganizationId);
        if (project.Status != ProjectStatus.CallPublished || clock.GetUtcNow().UtcDateTime <= project.CallDeadline)
        {
            throw DomainException.Conflict("Review.NotOpen");
        }

        if (application.Status != ApplicationStatus.Submitted)
        {
            throw DomainException.Conflict("Application.Closed");
        }

        var scores = request.Scores ?? [];
        if (scores.Count != project.ReviewCriteria.Count || scores.Any(x => x is < 0 or > 100))
        {
            throw new DomainException("Review.ScoresInvalid", ErrorKind.Validation, "scores", project.ReviewCriteria.Count);
        }

        var reviewer = actor.AccountId!;
        var review = await db.Set<ApplicationReview>().FirstOrDefaultAsync(r => r.ApplicationId == applicationId && r.ReviewerAccountId == reviewer, ct);
        if (review is null)
        {
            review = new ApplicationReview(applicationId, reviewer, actor.UserName ?? reviewer);
            db.Add(review);
        }

        review.Score(scores, request.Comment?.Trim(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await RankingAsync(project.Id, ct);
    }

    public async Task<IReadOnlyList<RankingRow>> RankingAsync(Guid projectId, CancellationToken ct)
    {
        var project = await db.Set<PurchaseProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw DomainException.NotFound("Project.NotFound");
        if (!Access.IsPurchaserOf(actor, project.PurchaserOrganizationId) && !Access.IsOverseer(actor))
        {
            throw DomainException.Forbidden("Procurement.NotPurchaser");
        }

        var applications = await db.Set<Application>().AsNoTracking().Where(a => a.ProjectId == projectId && a.Status != ApplicationStatus.Withdrawn).ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var reviews = await db.Set<ApplicationReview>().AsNoTracking().Where(r => ids.Contains(r.ApplicationId)).ToListAsync(ct);
        var scores = reviews.SelectMany(r => r.Scores.Select((score, index) => new CriterionScore(r.ApplicationId, r.ReviewerAccountId, index, score)));
        var ranked = Ranking.Compute(project.ReviewCriteria, ids, scores);
        var names = await directory.OrganizationsAsync(applications.Select(a => a.ProviderOrganizationId), ct);
        return ranked.Select(r =>
        {
            var application = applications.Single(a => a.Id == r.ApplicationId);
            return new RankingRow(r.Rank, r.ApplicationId, application.ProviderOrganizationId, names.GetValueOrDefault(application.ProviderOrganizationId)?.Name ?? "", r.WeightedScore, r.Reviewers, application.Status);
        }).ToList();
    }

    /// <summary>Awards the project to one application with a reason; every applicant is told in the in-app inbox.</summary>
    public async Task<IReadOnlyList<RankingRow>> AwardAsync(Guid projectId, AwardProject request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = await db.Set<PurchaseProject>().FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw DomainException.NotFound("Project.NotFound");
        Access.RequirePurchaserOf(actor, project.PurchaserOrganizationId);
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            throw new DomainException("Award.ReasonRequired", ErrorKind.Validation, "reason");
        }

        var applications = await db.Set<Application>().Where(a => a.ProjectId == projectId).ToListAsync(ct);
        var winner = applications.FirstOrDefault(a => a.Id == request.ApplicationId && a.Status == ApplicationStatus.Submitted)
            ?? throw new DomainException("Award.NotAnApplicant", ErrorKind.Validation, "applicationId");
        var now = clock.GetUtcNow().UtcDateTime;
        project.Award(winner.Id, request.Reason.Trim(), actor.UserName ?? actor.AccountId ?? "", now);
        foreach (var application in applications.Where(a => a.Status == ApplicationStatus.Submitted))
        {
            var awarded = application.Id == winner.Id;
            application.Decide(awarded, now);
            inbox.Post(application.ProviderOrganizationId, awarded ? "Inbox.Awarded" : "Inbox.NotAwarded", $"/procurement/projects/{project.Id}", project.Title);
        }

        await db.SaveChangesAsync(ct);
        return await RankingAsync(projectId, ct);
    }
}
