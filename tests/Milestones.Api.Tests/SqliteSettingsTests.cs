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
        // Arrange: three scopes. The second reopens the native connection SQLite's pool kept; before the
        // third that pool is cleared, so it opens a native connection never seen before.
        _ = Factory.Admin();
        var seen = new List<(string Journal, long Synchronous, long CacheSize)>();

        for (var i = 0; i < 3; i++)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            await db.Database.OpenConnectionAsync();

            // Act
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
            if (i == 1)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearPool((Microsoft.Data.Sqlite.SqliteConnection)connection);
            }
        }

        // Assert: 1 is NORMAL (FULL, SQLite's default, is 2); a negative cache size is in KiB (SQLite's default is -2000).
        Assert.All(seen, s => Assert.Equal(("wal", 1L, -1024L), s));
    }
}
