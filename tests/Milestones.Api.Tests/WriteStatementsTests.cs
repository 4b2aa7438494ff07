using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Api.Tests.Support;
using Milestones.Infrastructure.Persistence;

namespace Milestones.Api.Tests;

/// <summary>
/// What a write sends to the database. Every failure of a write rolls its whole transaction back, so EF Core's
/// savepoint around each save (two statements, two round trips on a server database) would buy nothing.
/// </summary>
public sealed class WriteStatementsTests
{
    /// <summary>Every command, and every savepoint (EF Core creates those through the transaction, not as commands).</summary>
    private sealed class Recorder : DbCommandInterceptor, IDbTransactionInterceptor
    {
        public ConcurrentQueue<string> Commands { get; } = new();

        public InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            Commands.Enqueue("SAVEPOINT (created by the transaction)");
            return result;
        }

        public ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue("SAVEPOINT (created by the transaction)");
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Commands.Enqueue(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }

    private static void WithKey(HttpRequestMessage request) => request.Headers.Add("Idempotency-Key", "dup-key");

    [Fact]
    public async Task A_write_sends_no_savepoints_and_a_failed_write_still_leaves_nothing_behind()
    {
        // Arrange
        var recorder = new Recorder();
        using var factory = new ApiFactory(null, new Dictionary<string, string>(), services: s =>
        {
            s.ConfigureDbContext<SqliteDbContext>(o => o.AddInterceptors(recorder));
            s.ConfigureDbContext<PostgreSqlDbContext>(o => o.AddInterceptors(recorder));
        });
        var admin = factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("statements") })).Data(HttpStatusCode.Created);
        var milestone = (await admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "first", goalAmount = 100 })).Data(HttpStatusCode.Created);
        recorder.Commands.Clear();

        // Act: a task, a pledge, and a milestone whose title is taken (its insert fails inside the transaction).
        var task = await admin.Post($"/api/v1/milestones/{milestone.Id()}/tasks", new { title = "t" });
        var pledge = await admin.Post($"/api/v1/milestones/{milestone.Id()}/supports", new { amount = 5 });
        var duplicate = await admin.Send(HttpMethod.Post, $"/api/v1/projects/{project.Id()}/milestones", new { title = "FIRST", tasks = new[] { new { title = "lost" } } }, WithKey);

        // Assert
        task.Data(HttpStatusCode.Created);
        pledge.Data(HttpStatusCode.Created);
        duplicate.AssertProblem(HttpStatusCode.Conflict);
        Assert.NotEmpty(recorder.Commands);
        Assert.DoesNotContain(recorder.Commands, c => c.Contains("SAVEPOINT", StringComparison.OrdinalIgnoreCase));
        var after = (await admin.Get($"/api/v1/projects/{project.Id()}")).Data();
        Assert.Equal(1, after.Int("milestonesTotal"));
        Assert.Equal(1, after.Int("tasksTotal"));
        var again = await admin.Send(HttpMethod.Post, $"/api/v1/projects/{project.Id()}/milestones", new { title = "second" }, WithKey);
        again.Data(HttpStatusCode.Created); // the failed request stored nothing under its key
    }
}
