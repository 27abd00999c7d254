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

    public const string DefaultSqliteConnection = "Data Source=data/cocare.db";
}
