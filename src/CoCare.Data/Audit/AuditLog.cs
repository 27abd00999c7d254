using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Data.Audit;

/// <summary>Reads and verifies the audit log.</summary>
public sealed class AuditLog(AppDbContext db)
{
    /// <summary>Recomputes every hash in order and reports the first entry that does not match.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var previous = AuditChain.GenesisHash;
        long expectedSequence = 0;
        long count = 0;
        const int batch = 2000;
        while (true)
        {
            var after = expectedSequence;
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence).Take(batch).ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                expectedSequence++;
                if (entry.Sequence != expectedSequence)
                {
                    return new AuditVerification(false, count, expectedSequence, "missing");
                }

                if (entry.PreviousHash != previous)
                {
                    return new AuditVerification(false, count, entry.Sequence, "previousHash");
                }

                if (AuditChain.ComputeHash(previous, entry) != entry.Hash)
                {
                    return new AuditVerification(false, count, entry.Sequence, "hash");
                }

                previous = entry.Hash;
                count++;
            }

            if (entries.Count < batch)
            {
                return new AuditVerification(true, count);
            }
        }
    }

    public async Task<Page<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            q = q.Where(e => e.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityKey))
        {
            q = q.Where(e => e.EntityKey == query.EntityKey);
        }

        if (!string.IsNullOrWhiteSpace(query.UserName))
        {
            q = q.Where(e => e.UserName == query.UserName);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            q = q.Where(e => e.Action == query.Action);
        }

        if (query.From is { } from)
        {
            q = q.Where(e => e.Time >= from);
        }

        if (query.To is { } to)
        {
            q = q.Where(e => e.Time < to);
        }

        var paging = query.Paging.Normalized();
        var total = await q.CountAsync(cancellationToken);
        var items = await q.OrderByDescending(e => e.Sequence).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new Page<AuditEntry>(items, total, paging.PageNumber, paging.PageSize);
    }
}

public sealed record AuditQuery(PageRequest Paging, string? EntityType = null, string? EntityKey = null, string? UserName = null, string? Action = null, DateTime? From = null, DateTime? To = null);
