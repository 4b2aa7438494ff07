using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Milestones.Infrastructure.Persistence.Interceptors;

/// <summary>
/// SQLite in WAL mode with <c>synchronous=NORMAL</c>: a commit appends to the write-ahead log without
/// waiting for the disk, which is synced at each checkpoint instead. A process that dies (kill -9, a
/// crash) loses nothing committed, since the log is in the operating system's cache; only a power
/// loss or OS crash may undo the last commits (docs/performance.md, decision record 14). And a page cache
/// of 1 MiB per connection instead of SQLite's 2 MB: a busy instance holds about 34 pooled connections, whose
/// caches were a fifth of its memory, while the operating system caches the file for all of them
/// (docs/performance.md, issue 23). Both settings belong to the native connection, which SQLite's pool keeps
/// between opens, so they are applied once per native connection, not on every open of a request.
/// </summary>
public sealed class SqliteConnectionSettingsInterceptor : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-1024;"; // a negative size is in KiB

    private readonly ConditionalWeakTable<object, object> _applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } native } && _applied.TryGetValue(native, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
        if (connection is SqliteConnection { Handle: { } opened })
        {
            _applied.TryAdd(opened, opened);
        }
    }
}
