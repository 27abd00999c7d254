using CoCare.Kernel;

namespace CoCare.Data;

/// <summary>Optimistic concurrency on the application-managed version column, the same on both databases.</summary>
public static class Concurrency
{
    /// <summary>
    /// Refuses an edit based on a stale read (409), and makes the database refuse it too if another edit
    /// lands between this read and the save (the version column is a concurrency token).
    /// </summary>
    public static void ExpectVersion<T>(this AppDbContext db, T entity, long expectedVersion)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = db.Entry(entity).Property(nameof(IVersioned.Version));
        if ((long)version.CurrentValue! != expectedVersion)
        {
            throw DomainException.Conflict("Record.ChangedSinceRead", "version");
        }

        version.OriginalValue = expectedVersion;
    }
}
