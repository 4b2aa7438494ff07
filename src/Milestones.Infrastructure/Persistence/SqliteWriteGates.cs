using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Milestones.Infrastructure.Persistence;

/// <summary>One write gate per SQLite database file in this process.</summary>
internal static class SqliteWriteGates
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var key = source is "" or ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? connectionString
            : Path.GetFullPath(source);
        return Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
    }
}
