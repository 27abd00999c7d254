using CoCare.Data;
using CoCare.Kernel;
using CoCare.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Procurement.Features.Calls;

public sealed record PublicCall(Guid ProjectId, string Title, string PurchaserName, string Description, long BudgetFen, DateOnly StartDate, DateOnly EndDate, DateTime PublishedAt, DateTime Deadline, bool Open);

/// <summary>Published calls for proposals, for the public portal: no personal data, no drafts.</summary>
public sealed class PublicCalls(AppDbContext db, IDirectory directory, TimeProvider clock)
{
    public async Task<Page<PublicCall>> ListAsync(PageRequest paging, bool openOnly, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var q = db.Set<PurchaseProject>().AsNoTracking().Where(p => p.CallPublishedAt != null && p.Status != ProjectStatus.Cancelled);
        if (openOnly)
        {
            q = q.Where(p => p.Status == ProjectStatus.CallPublished && p.CallDeadline >= now);
        }

        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(p => EF.Functions.Like(p.Title, like, "\\"));
        }

        var total = await q.CountAsync(ct);
        var projects = await q.OrderByDescending(p => p.CallPublishedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var names = await directory.OrganizationsAsync(projects.Select(p => p.PurchaserOrganizationId), ct);
        var items = projects.Select(p => new PublicCall(p.Id, p.Title, names.GetValueOrDefault(p.PurchaserOrganizationId)?.Name ?? "", p.CallDescription ?? "",
            p.BudgetFen, p.StartDate, p.EndDate, p.CallPublishedAt!.Value, p.CallDeadline!.Value, p.AcceptsApplications(now))).ToList();
        return new Page<PublicCall>(items, total, paging.PageNumber, paging.PageSize);
    }
}
