namespace CoCare.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the "Database" configuration section; the connection string is ConnectionStrings:CoCare.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the host starts (turn off when operators migrate separately).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite only: how often a background connection copies the write-ahead log into the database file, in
    /// milliseconds (0 leaves it to SQLite, which then does it inside the commit that fills the log).
    /// </summary>
    public int SqliteCheckpointMilliseconds { get; set; } = 100;

    public const string DefaultSqliteConnection = "Data Source=data/cocare.db";
}
