using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoCare.Data;

/// <summary>
/// Copies the SQLite write-ahead log back into the database file from a connection of its own, every
/// <see cref="DatabaseOptions.SqliteCheckpointMilliseconds"/> (0 turns this off).
/// Left to SQLite, the checkpoint runs inside whichever commit crosses the log's size limit and makes that request
/// wait for the disk (fsync of the log and the database); here the writers never wait for it. The connections keep a
/// large automatic limit (<see cref="SqlitePragmas"/>) as a safety net for when this service is not running.
/// </summary>
internal sealed partial class SqliteCheckpointer(SqliteCheckpointer.Target target, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>The database to checkpoint.</summary>
    public sealed record Target(string ConnectionString, TimeSpan Every);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (new SqliteConnectionStringBuilder(target.ConnectionString) is { DataSource: ":memory:" or "" } or { Mode: SqliteOpenMode.Memory } || target.Every <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(target.Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointAsync(stoppingToken);
                }
                catch (SqliteException e)
                {
                    Failed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: SQLite checkpoints when the last connection closes.
        }
    }

    private async Task CheckpointAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(target.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed; the next one retries.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
