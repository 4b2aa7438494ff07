using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Api.Tests.Support;
using Milestones.Infrastructure.Persistence;

namespace Milestones.Api.Tests;

/// <summary>The SQLite settings docs/performance.md relies on, read back from the service's own connections.</summary>
public sealed class SqliteSettingsTests(ApiFactory factory) : ApiTestBase(factory)
{
    [SqliteOnlyFact("it reads SQLite's own PRAGMA settings")]
    public async Task Every_connection_the_service_opens_is_in_WAL_mode_with_synchronous_NORMAL_and_a_1_MiB_page_cache()
    {
        // Arrange: three scopes at once, so three pooled contexts, each on its own connection (kept open
        // across requests, decision record 21); SQLite's pool is cleared first, so native connections never seen before.
        _ = Factory.Admin();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var scopes = Enumerable.Range(0, 3).Select(_ => Factory.Services.CreateAsyncScope()).ToList();
        var seen = new List<(string Journal, long Synchronous, long CacheSize)>();

        // Act
        foreach (var scope in scopes)
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            var journal = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous;";
            var synchronous = (long)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA cache_size;";
            var cacheSize = (long)(await command.ExecuteScalarAsync())!;
            seen.Add((journal, synchronous, cacheSize));
            await db.Database.CloseConnectionAsync();
        }

        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }

        // Assert: 1 is NORMAL (FULL, SQLite's default, is 2); a negative cache size is in KiB (SQLite's default is -2000).
        Assert.Equal(3, seen.Count);
        Assert.All(seen, s => Assert.Equal(("wal", 1L, -1024L), s));
    }
}
