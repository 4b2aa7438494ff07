using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Milestones.Infrastructure.Persistence.Interceptors;

/// <summary>
/// SQLite in WAL mode with <c>synchronous=NORMAL</c>: a commit appends to the write-ahead log without
/// waiting for the disk, which is synced at each checkpoint instead. A process that dies (kill -9, a
/// crash) loses nothing committed, since the log is in the operating system's cache; only a power
/// loss or OS crash may undo the last commits (docs/performance.md, decision record 14). The setting
/// belongs to the connection, so it is applied each time one is opened.
/// </summary>
public sealed class SqliteSynchronousInterceptor : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
