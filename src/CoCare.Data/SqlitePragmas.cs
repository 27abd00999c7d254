using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoCare.Data;

/// <summary>
/// WAL with synchronous=FULL: a commit is one append to the log and one fsync, so what was acknowledged survives a
/// power cut as well as a killed process (NORMAL would only survive the latter), and writers that group their rows
/// (the canteen's check-in writer) pay one fsync per group. busy_timeout lets a reader wait for the writer instead of
/// failing (NOTES-dotnet.md). Copying the log into the database (checkpoints, whose fsyncs took the writers' time)
/// is left to <see cref="SqliteCheckpointer"/> when it runs.
/// The settings belong to the native connection, which the pool keeps open between uses, so they are applied once
/// per native connection rather than on every open (the canteen's hot path opens a connection several times a request).
/// </summary>
/// <param name="backgroundCheckpoints">Whether <see cref="SqliteCheckpointer"/> runs; the automatic checkpoint then waits for 64 MB of log instead of 4 MB.</param>
internal sealed class SqlitePragmas(bool backgroundCheckpoints) : DbConnectionInterceptor
{
    private readonly string pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; "
        + (backgroundCheckpoints ? "PRAGMA wal_autocheckpoint=16384;" : "PRAGMA wal_autocheckpoint=1000;");

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstUse(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstUse(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Whether this native connection has not been configured yet (and marks it so).</summary>
    private static bool FirstUse(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
}
