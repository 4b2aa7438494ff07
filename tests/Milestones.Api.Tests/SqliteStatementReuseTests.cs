using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Api.Tests.Support;
using Milestones.Infrastructure.Persistence;
using Milestones.Infrastructure.Persistence.Interceptors;

namespace Milestones.Api.Tests;

/// <summary>
/// On SQLite, connections stay open across requests and each keeps its compiled statements
/// (<see cref="SqliteStatementReuseInterceptor"/>, docs/performance.md): what that must and must not change.
/// </summary>
public sealed class SqliteStatementReuseTests
{
    /// <summary>Each command EF Core executes, with the connection it ran on.</summary>
    private sealed class Recorder : DbCommandInterceptor
    {
        public ConcurrentQueue<(DbConnection Connection, string Text, DbCommand Command)> Executed { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Executed.Enqueue((command.Connection!, command.CommandText, command));
            return ValueTask.FromResult(result);
        }
    }

    [SqliteOnlyFact("it is about SQLite's compiled statements")]
    public async Task Requests_run_each_statement_on_their_connections_compiled_command_and_leave_the_connection_open()
    {
        // Arrange: the recorder sees each command after the reuse has swapped it in.
        var recorder = new Recorder();
        using var factory = new ApiFactory(null, new Dictionary<string, string>(), services: s => s.ConfigureDbContext<SqliteDbContext>(o => o.AddInterceptors(recorder)));
        var admin = factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("reuse") })).Data(HttpStatusCode.Created);
        var milestone = (await admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "read often" })).Data(HttpStatusCode.Created);
        recorder.Executed.Clear();

        // Act: the same read, one request after another.
        for (var i = 0; i < 12; i++)
        {
            (await admin.Get($"/api/v1/milestones/{milestone.Id()}")).Data();
        }

        // Assert: on each connection, each text ran on one command object, and each connection is still open after its requests.
        var runs = recorder.Executed.GroupBy(e => (e.Connection, e.Text)).ToList();
        Assert.Contains(runs, g => g.Count() > 1);
        Assert.All(runs, g => Assert.Single(g.Select(e => e.Command).Distinct(ReferenceEqualityComparer.Instance)));
        Assert.All(recorder.Executed.Select(e => e.Connection).Distinct(), c => Assert.Equal(ConnectionState.Open, c.State));
    }

    [SqliteOnlyFact("it is about SQLite's compiled statements")]
    public async Task A_query_run_while_the_same_query_is_still_reading_gets_its_own_command_and_both_answer_in_full()
    {
        // Arrange
        using var factory = new ApiFactory();
        var admin = factory.Admin();
        for (var i = 0; i < 3; i++)
        {
            (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("nested") })).Data(HttpStatusCode.Created);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var expected = await db.Projects.CountAsync();
        var pairs = 0;

        // Act: the inner query has the outer one's text, on the same connection, while the outer one reads.
        await foreach (var outer in db.Projects.AsNoTracking().Select(p => p.Id).AsAsyncEnumerable())
        {
            await foreach (var inner in db.Projects.AsNoTracking().Select(p => p.Id).AsAsyncEnumerable())
            {
                pairs++;
            }
        }

        // Assert
        Assert.True(expected >= 3);
        Assert.Equal(expected * expected, pairs);
    }

    [SqliteOnlyFact("it is about SQLite's compiled statements")]
    public async Task A_connection_with_more_statements_than_it_keeps_starts_over_and_still_answers_each()
    {
        // Arrange
        using var factory = new ApiFactory();
        _ = factory.Admin();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var count = SqliteStatementReuseInterceptor.MaxStatementsPerConnection + 10;

        // Act: more distinct texts than a connection keeps, then the first ones again.
        var answers = new List<int>();
        for (var i = 0; i < count + 5; i++)
        {
            var sql = "SELECT " + (i % count).ToString(System.Globalization.CultureInfo.InvariantCulture) + " AS \"Value\""; // a distinct text per number
            answers.Add(await db.Database.SqlQueryRaw<int>(sql).SingleAsync());
        }

        // Assert
        Assert.Equal(Enumerable.Range(0, count + 5).Select(i => i % count), answers);
    }
}
