using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Data.Inbox;

/// <summary>The in-app inbox: modules post messages to organizations; members read them.</summary>
public sealed class Inbox(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    /// <summary>Adds a message to the context; it is saved (and audited) with the caller's other changes.</summary>
    public void Post(Guid organizationId, string messageKey, string? link, params string[] arguments) =>
        db.Add(new InboxMessage
        {
            OrganizationId = organizationId,
            MessageKey = messageKey,
            Arguments = [.. arguments],
            Link = link,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });

    public async Task<Page<InboxMessage>> MineAsync(PageRequest paging, CancellationToken ct)
    {
        var organizations = actor.OrganizationIds.ToList();
        var q = db.Set<InboxMessage>().AsNoTracking().Where(m => organizations.Contains(m.OrganizationId));
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(m => m.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<InboxMessage>(items, total, paging.PageNumber, paging.PageSize);
    }
}
