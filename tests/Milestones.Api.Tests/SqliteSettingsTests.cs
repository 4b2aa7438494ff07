using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Api.Tests.Support;
using Milestones.Infrastructure.Persistence;

namespace Milestones.Api.Tests;

/// <summary>The SQLite settings docs/performance.md relies on, read back from the service's own connections.</summary>
public sealed class SqliteSettingsTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task Every_connection_the_service_opens_is_in_WAL_mode_with_synchronous_NORMAL()
    {
        // Arrange: two scopes, so the second context comes back from the pool with a connection opened anew.
        _ = Factory.Admin();
        var seen = new List<(string Journal, long Synchronous)>();

        for (var i = 0; i < 2; i++)
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
            seen.Add((journal, synchronous));
            await db.Database.CloseConnectionAsync();
        }

        // Assert: 1 is NORMAL (FULL, SQLite's default, is 2).
        Assert.All(seen, s => Assert.Equal(("wal", 1L), s));
    }
}
