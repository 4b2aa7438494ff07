using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Api.Tests.Support;
using Milestones.Infrastructure.Persistence;
using Npgsql;

namespace Milestones.Api.Tests;

/// <summary>
/// SPEC 6: a transaction the database rolls back as a deadlock victim or a serialization failure is run
/// again inside the request (it is safe: nothing of it committed), and only when that keeps failing is it
/// a 503 with <c>Retry-After</c>. The failure is injected where the database would raise it, on the write.
/// </summary>
public sealed class TransientConflictTests
{
    /// <summary>Fails the next <see cref="Remaining"/> inserts of a task the way PostgreSQL fails a serialization conflict.</summary>
    private sealed class SerializationFailures : DbCommandInterceptor
    {
        public int Remaining;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"Tasks\"", StringComparison.Ordinal) && Interlocked.Decrement(ref Remaining) >= 0)
            {
                throw new PostgresException("could not serialize access due to concurrent update", "ERROR", "ERROR", "40001");
            }

            return ValueTask.FromResult(result);
        }
    }

    private static ApiFactory Factory(SerializationFailures failures) => new(null, new Dictionary<string, string>(), services: s =>
    {
        s.ConfigureDbContext<SqliteDbContext>(o => o.AddInterceptors(failures));
        s.ConfigureDbContext<PostgreSqlDbContext>(o => o.AddInterceptors(failures));
    });

    [Fact]
    public async Task A_command_rolled_back_as_a_serialization_failure_runs_again_and_commits_once()
    {
        // Arrange
        var failures = new SerializationFailures();
        using var factory = Factory(failures);
        var admin = factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("retry") })).Data(HttpStatusCode.Created);
        var milestone = (await admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "retried" })).Data(HttpStatusCode.Created);
        failures.Remaining = 2; // two attempts fail, the third of TransactionBehaviour's three commits

        // Act
        var created = await admin.Post($"/api/v1/milestones/{milestone.Id()}/tasks", new { title = "once" });

        // Assert
        created.Data(HttpStatusCode.Created);
        Assert.Equal(1, (await admin.Get($"/api/v1/milestones/{milestone.Id()}")).Data().Int("tasksTotal"));
        Assert.Single((await admin.Get($"/api/v1/projects/{project.Id()}/events?type=task.created")).Data().AsArray());
        Assert.Empty((await admin.Post($"/api/v1/projects/{project.Id()}/recount")).Data()["fixed"]!.AsArray());
    }

    [Fact]
    public async Task A_conflict_that_persists_is_503_with_Retry_After_and_changes_nothing()
    {
        // Arrange
        var failures = new SerializationFailures();
        using var factory = Factory(failures);
        var admin = factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("conflict") })).Data(HttpStatusCode.Created);
        var milestone = (await admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "contended" })).Data(HttpStatusCode.Created);
        failures.Remaining = 100;

        // Act
        var refused = await admin.Post($"/api/v1/milestones/{milestone.Id()}/tasks", new { title = "never" });

        // Assert
        refused.AssertProblem(HttpStatusCode.ServiceUnavailable, "retry it");
        Assert.NotNull(refused.Response.Headers.RetryAfter);
        Assert.Equal(100 - 3, failures.Remaining); // three attempts, then the answer
        Assert.Equal(0, (await admin.Get($"/api/v1/milestones/{milestone.Id()}")).Data().Int("tasksTotal"));
        Assert.Empty((await admin.Get($"/api/v1/projects/{project.Id()}/events?type=task.created")).Data().AsArray());
    }
}
