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
}
