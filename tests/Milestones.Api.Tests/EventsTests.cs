using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

public sealed class EventsTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task Events_come_newest_first_with_actor_and_a_before_cursor()
    {
        var (userId, _, client) = await Given.UserAsync();
        var project = await Given.ProjectAsync(client);
        await Given.MilestoneAsync(client, project.Id());
        await Given.MilestoneAsync(client, project.Id());

        var all = (await client.Get($"/api/v1/projects/{project.Id()}/events")).Data().AsArray();
        var ids = all.Select(e => e!.Id()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.All(all, e => Assert.Equal(userId, e!["actorId"]!.GetValue<long>()));

        var older = await client.Get($"/api/v1/projects/{project.Id()}/events?before={ids[0]}&limit=1");

        Assert.Equal(ids[1], Assert.Single(older.Data().AsArray())!.Id());
        Assert.Equal(ids.Count - 1, older.Body!.Int("count"));
    }

    [Fact]
    public async Task Events_filter_by_type_and_by_milestone()
    {
        var project = await Given.ProjectAsync(Admin);
        var m1 = await Given.MilestoneAsync(Admin, project.Id());
        await Given.MilestoneAsync(Admin, project.Id());
        await Given.TaskAsync(Admin, m1.Id());

        var created = (await Admin.Get($"/api/v1/projects/{project.Id()}/events?type=milestone.created")).Data().AsArray();
        var ofM1 = (await Admin.Get($"/api/v1/projects/{project.Id()}/events?milestoneId={m1.Id()}")).Data().AsArray();

        Assert.Equal(2, created.Count);
        Assert.Equal(["task.created", "milestone.created"], ofM1.Select(e => e!.Str("type")));
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("reassign")]
    public async Task The_events_of_a_deleted_milestone_and_of_everything_under_it_are_the_project_admins_only(string tasks)
    {
        // Arrange: a public project; a milestone with a task and a pledge; a supporter member and anonymous readers.
        var project = await Given.ProjectAsync(Admin, "public");
        var secret = await Given.MilestoneAsync(Admin, project.Id(), new { title = "secret plan", goalAmount = 500 });
        var task = await Given.TaskAsync(Admin, secret.Id(), "the task");
        var (_, username, supporter) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, project.Id(), username, "supporter");
        (await supporter.Post($"/api/v1/milestones/{secret.Id()}/supports", new { amount = 123.45 })).Data(HttpStatusCode.Created);
        var kept = await Given.MilestoneAsync(Admin, project.Id(), new { title = "public plan" });

        // Act
        (await Admin.Delete($"/api/v1/milestones/{secret.Id()}?tasks={tasks}")).Data();

        // Assert: non-admins get 404 for the filter and never see its title, its task or its pledge in the log.
        var url = $"/api/v1/projects/{project.Id()}/events";
        foreach (var reader in new[] { supporter, Factory.Anonymous() })
        {
            (await reader.Get($"{url}?milestoneId={secret.Id()}")).AssertProblem(HttpStatusCode.NotFound, "Milestone");
            var log = await reader.Get($"{url}?limit=100");
            var text = log.Body!.Json();
            Assert.DoesNotContain("secret", text);
            Assert.DoesNotContain("123.45", text);
            Assert.DoesNotContain(log.Data().AsArray(), e => e!["milestoneId"]?.GetValue<long>() == secret.Id());
            Assert.Contains(log.Data().AsArray(), e => e!["milestoneId"]?.GetValue<long>() == kept.Id());
            Assert.Equal(log.Data().AsArray().Count, log.Body!.Int("count"));
        }

        var ofSecret = (await Admin.Get($"{url}?milestoneId={secret.Id()}")).Data().AsArray();
        Assert.Contains(ofSecret, e => e!.Str("type") == "milestone.deleted");
        Assert.Contains(ofSecret, e => e!.Str("type") == "support.pledged");
        Assert.Contains((await Admin.Get($"{url}?limit=100")).Data().AsArray(), e => e!["taskId"]?.GetValue<long>() == task.Id());
    }

    [Fact]
    public async Task A_milestone_filter_naming_a_milestone_of_another_project_is_404()
    {
        var project = await Given.ProjectAsync(Admin);
        var other = await Given.ProjectAsync(Admin);
        var foreign = await Given.MilestoneAsync(Admin, other.Id());

        (await Admin.Get($"/api/v1/projects/{project.Id()}/events?milestoneId={foreign.Id()}")).AssertProblem(HttpStatusCode.NotFound, "Milestone");
    }

    [Fact]
    public async Task A_bad_cursor_is_422()
    {
        var project = await Given.ProjectAsync(Admin);

        (await Admin.Get($"/api/v1/projects/{project.Id()}/events?before=0")).AssertProblem(HttpStatusCode.UnprocessableEntity, "before");
    }

    [Fact]
    public async Task An_unknown_event_type_filter_is_422_naming_the_types()
    {
        var project = await Given.ProjectAsync(Admin);

        var response = await Admin.Get($"/api/v1/projects/{project.Id()}/events?type=milestone.exploded");

        response.AssertProblem(HttpStatusCode.UnprocessableEntity, "type");
        Assert.Contains("milestone.status_changed", response.Body!["errors"]!["type"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_change_that_fails_writes_no_event()
    {
        var project = await Given.ProjectAsync(Admin);
        await Given.MilestoneAsync(Admin, project.Id(), new { title = "Same" });
        var before = (await Admin.Get($"/api/v1/projects/{project.Id()}/events")).Body!.Int("count");

        await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "same" });

        Assert.Equal(before, (await Admin.Get($"/api/v1/projects/{project.Id()}/events")).Body!.Int("count"));
    }
}
