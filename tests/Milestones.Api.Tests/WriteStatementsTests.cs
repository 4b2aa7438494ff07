using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>
/// What a write sends to the database. Every failure of a write rolls its whole transaction back, so EF Core's
/// savepoint around each save (two statements, two round trips on a server database) would buy nothing.
/// </summary>
public sealed class WriteStatementsTests
{
    private static void WithKey(HttpRequestMessage request) => request.Headers.Add("Idempotency-Key", "dup-key");

    [Fact]
    public async Task A_write_sends_no_savepoints_and_a_failed_write_still_leaves_nothing_behind()
    {
        // Arrange
        var recorder = new StatementRecorder();
        using var factory = recorder.Factory();
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

    [Fact]
    public async Task A_write_reads_the_projects_webhooks_only_when_the_statement_of_its_activity_entry_found_an_active_one()
    {
        // Arrange: a project without webhooks, and one with an active webhook for tasks (deliveries stay pending).
        var recorder = new StatementRecorder();
        using var factory = recorder.Factory(new()
        {
            ["Milestones:Webhooks:AllowPrivateNetworks"] = "true",
            ["Milestones:Webhooks:Enabled"] = "false",
        });
        var given = new Scenario(factory);
        var quiet = await given.MilestoneAsync(given.Admin, (await given.ProjectAsync(given.Admin)).Id());
        var watchedProject = await given.ProjectAsync(given.Admin);
        var watched = await given.MilestoneAsync(given.Admin, watchedProject.Id());
        var webhook = (await given.Admin.Post($"/api/v1/projects/{watchedProject.Id()}/webhooks", new { url = "http://127.0.0.1:9/hooks", events = new[] { "task.*" } })).Data(HttpStatusCode.Created);
        recorder.Commands.Clear();

        // Act
        (await given.Admin.Post($"/api/v1/milestones/{quiet.Id()}/tasks", new { title = "unwatched" })).Data(HttpStatusCode.Created);
        var quietStatements = recorder.QueriesOfRequests();
        recorder.Commands.Clear();
        (await given.Admin.Post($"/api/v1/milestones/{watched.Id()}/tasks", new { title = "watched" })).Data(HttpStatusCode.Created);
        var watchedStatements = recorder.QueriesOfRequests();

        // Assert: the entry's statement asks about webhooks in both; only the watched project's write reads them and enqueues a delivery.
        static bool ReadsWebhooks(string sql) => sql.Contains("FROM \"Webhooks\"", StringComparison.Ordinal) && !sql.Contains("INSERT INTO \"Events\"", StringComparison.Ordinal);
        Assert.Contains(quietStatements, c => c.Contains("INSERT INTO \"Events\"", StringComparison.Ordinal));
        Assert.DoesNotContain(quietStatements, ReadsWebhooks);
        Assert.Single(watchedStatements, ReadsWebhooks);
        var deliveries = (await given.Admin.Get($"/api/v1/webhooks/{webhook.Id()}/deliveries")).Data().AsArray();
        Assert.Equal("task.created", Assert.Single(deliveries)!.Str("eventType"));
    }

    [Fact]
    public async Task Creating_a_task_reads_its_milestone_and_the_last_task_position_in_one_statement()
    {
        // Arrange: a milestone with two tasks.
        var recorder = new StatementRecorder();
        using var factory = recorder.Factory();
        var given = new Scenario(factory);
        var milestone = await given.MilestoneAsync(given.Admin, (await given.ProjectAsync(given.Admin)).Id());
        foreach (var title in new[] { "one", "two" })
        {
            (await given.Admin.Post($"/api/v1/milestones/{milestone.Id()}/tasks", new { title })).Data(HttpStatusCode.Created);
        }

        recorder.Commands.Clear();

        // Act: one appended, one put first.
        var appended = await given.Admin.Post($"/api/v1/milestones/{milestone.Id()}/tasks", new { title = "three" });
        var statements = recorder.QueriesOfRequests();
        var first = await given.Admin.Post($"/api/v1/milestones/{milestone.Id()}/tasks", new { title = "zero", position = 1 });
        var past = await given.Admin.Post($"/api/v1/milestones/{milestone.Id()}/tasks", new { title = "six", position = 6 });

        // Assert: the last position is read inside the milestone's statement, and the positions are still 1..N.
        var last = Assert.Single(statements, c => c.Contains("MAX(", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("FROM \"Milestones\"", last, StringComparison.Ordinal);
        Assert.Equal(3, appended.Data(HttpStatusCode.Created).Int("position"));
        Assert.Equal(1, first.Data(HttpStatusCode.Created).Int("position"));
        past.AssertProblem(HttpStatusCode.UnprocessableEntity);
        var tasks = (await given.Admin.Get($"/api/v1/milestones/{milestone.Id()}/tasks")).Data().AsArray();
        Assert.Equal(["zero", "one", "two", "three"], tasks.Select(t => t!.Str("title")));
        Assert.Equal([1, 2, 3, 4], tasks.Select(t => t!.Int("position")));
    }
}
