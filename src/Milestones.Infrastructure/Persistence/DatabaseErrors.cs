using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
    private const string PostgresUniqueViolation = "23505";
    private const string PostgresLockNotAvailable = "55P03"; // lock_timeout
    private const string PostgresQueryCanceled = "57014";   // statement_timeout
    private const int SqlServerDeadlockVictim = 1205;
    private const string PostgresSerializationFailure = "40001";
    private const string PostgresDeadlock = "40P01";

    /// <summary>A unique index or key refused the write: another request stored the same value first.</summary>
    public static bool IsUniqueViolation(Exception exception) => Root(exception) switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint
            && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException s => s.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        PostgresException p => p.SqlState == PostgresUniqueViolation,
        _ => false,
    };

    /// <summary>The database gave up waiting for a lock another transaction holds.</summary>
    public static bool IsLockTimeout(Exception exception) => Root(exception) switch
    {
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked,
        SqlException s => s.Number is SqlServerTimeout or SqlServerLockTimeout,
        PostgresException p => p.SqlState is PostgresLockNotAvailable or PostgresQueryCanceled,
        _ => false,
    };

    /// <summary>
    /// A fault that says nothing about the request and may pass if it is sent again: a deadlock victim
    /// (SQL Server 1205, PostgreSQL 40P01), a serialization failure (40001), a dropped or refused connection,
    /// a server shutting down. Answered 503 with Retry-After, never 500 (SPEC 6).
    /// </summary>
    public static bool IsTransient(Exception exception) => IsRetryableConflict(exception) || Root(exception) switch
    {
        PostgresException p => p.IsTransient || p.SqlState is "57P01" or "57P02" or "57P03" || p.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException n => n.IsTransient || n.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException,
        SqlException s => s.IsTransient,
        _ => false,
    };

    /// <summary>A deadlock victim (SQL Server 1205, PostgreSQL 40P01) or a serialization failure (40001): the transaction was rolled back whole, so running it again is safe.</summary>
    public static bool IsRetryableConflict(Exception exception) => Root(exception) switch
    {
        PostgresException p => p.SqlState is PostgresSerializationFailure or PostgresDeadlock,
        SqlException s => s.Number == SqlServerDeadlockVictim,
        _ => false,
    };

    /// <summary>The server answered that the database does not exist yet (the migrations create it): PostgreSQL 3D000, SQL Server 4060.</summary>
    public static bool IsMissingDatabase(Exception exception) => Root(exception) switch
    {
        PostgresException p => p.SqlState == "3D000",
        SqlException s => s.Number == 4060,
        _ => false,
    };

    /// <summary>
    /// The driver's own exception behind EF Core's wrappers: a <see cref="DbUpdateException"/>, or the
    /// <see cref="InvalidOperationException"/> its execution strategy raises for "a transient failure".
    /// </summary>
    private static Exception Root(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Data.Common.DbException)
            {
                return current;
            }
        }

        return exception;
    }
}
