using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Milestones.Infrastructure.Persistence.Sqlite;

#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's own SQLite connection; only its close is changed (decision record 21).

/// <summary>
/// EF Core's SQLite connection, except that it is not closed when a query, a request or a lease of its pooled
/// context ends: it opens once per pooled context and closes when that context is disposed. Each open of a
/// pooled <c>SqliteConnection</c> re-registers EF Core's SQL functions and drops the connection's prepared
/// statements, which <see cref="Interceptors.SqliteStatementReuseInterceptor"/> keeps (docs/performance.md).
/// A lease still ends with no transaction (EF Core rolls back an unfinished one when the context goes back).
/// </summary>
public sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override void CloseDbConnection()
    {
    }

    protected override Task CloseDbConnectionAsync() => Task.CompletedTask;
}

/// <summary>The one place that puts <see cref="KeptOpenSqliteConnection"/> in EF Core's services.</summary>
public static class KeptOpenSqliteConnectionRegistration
{
    public static DbContextOptionsBuilder KeepConnectionsOpen(this DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();
}
