using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoCare.Data;

/// <summary>Recognizes provider errors the host turns into 409 Conflict.</summary>
public static class DbErrors
{
    public static bool IsUniqueViolation(DbUpdateException exception) => IsUniqueViolation(exception?.InnerException);

    /// <summary>Whether a provider exception (raised by EF or by a raw command) is a unique-key violation.</summary>
    public static bool IsUniqueViolation(Exception? exception) => exception switch
    {
        DbUpdateException u => IsUniqueViolation(u.InnerException),
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
