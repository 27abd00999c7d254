using CoCare.Data;
using CoCare.Kernel;

namespace CoCare.Directory.Features;

internal static class Concurrency
{
    /// <summary>
    /// Refuses an edit based on a stale read, and makes the database refuse it too if another
    /// edit lands between this read and the save (the version column is a concurrency token).
    /// </summary>
    public static void Expect<T>(AppDbContext db, T entity, long expectedVersion)
        where T : class, IVersioned
    {
        if (entity.Version != expectedVersion)
        {
            throw DomainException.Conflict("Record.ChangedSinceRead", "version");
        }

        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = expectedVersion;
    }
}
