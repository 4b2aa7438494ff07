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
