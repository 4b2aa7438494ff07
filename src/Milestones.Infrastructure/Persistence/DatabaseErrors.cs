using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Milestones.Infrastructure.Persistence;

/// <summary>Recognises provider failures by their error codes, never by message text.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;        // SQLITE_CONSTRAINT
    private const int SqliteConstraintUnique = 2067; // SQLITE_CONSTRAINT_UNIQUE
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteBusy = 5;               // SQLITE_BUSY
    private const int SqliteLocked = 6;             // SQLITE_LOCKED
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;
    private const int SqlServerTimeout = -2;
    private const int SqlServerLockTimeout = 1222;

    /// <summary>A unique index or key refused the write: another request stored the same value first.</summary>
    public static bool IsUniqueViolation(Exception exception) => Root(exception) switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint
            && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException s => s.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        _ => false,
    };

    /// <summary>The database gave up waiting for a lock another transaction holds.</summary>
    public static bool IsLockTimeout(Exception exception) => Root(exception) switch
    {
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked,
        SqlException s => s.Number is SqlServerTimeout or SqlServerLockTimeout,
        _ => false,
    };

    private static Exception Root(Exception exception) =>
        exception is DbUpdateException { InnerException: { } inner } ? inner : exception;
}
