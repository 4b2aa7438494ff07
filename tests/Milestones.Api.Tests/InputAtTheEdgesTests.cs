using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 7: values at the ends of their ranges answer 2xx or 4xx, never 500, and never wrap around.</summary>
public sealed class InputAtTheEdgesTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task The_last_day_of_the_calendar_is_a_valid_due_date_on_create_and_on_patch()
    {
        var project = await Given.ProjectAsync(Admin);

        var created = await Given.MilestoneAsync(Admin, project.Id(), new { title = "far", dueDate = "9999-12-31" });
        var other = await Given.MilestoneAsync(Admin, project.Id());
        var patched = (await Admin.Patch($"/api/v1/milestones/{other.Id()}", new { dueDate = "9999-12-31T00:00:00Z" })).Data();

        Assert.Equal("9999-12-31T23:59:59.999Z", created.Str("dueDate"));
        Assert.Equal("9999-12-31T23:59:59.999Z", patched.Str("dueDate"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"role\":null}")]
    [InlineData("{\"role\":\"\"}")]
    public async Task Setting_a_member_without_a_role_is_422_naming_role(string body)
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, username, _) = await Given.UserAsync();

        var result = await Admin.Send(HttpMethod.Put, $"/api/v1/projects/{project.Id()}/members/{username}", body);

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, "role is required");
        Assert.NotEmpty(result.Body!.ErrorsFor("role"));
        Assert.Single((await Admin.Get($"/api/v1/projects/{project.Id()}/members")).Data().AsArray());
    }

    [Fact]
    public async Task A_milestone_position_beyond_the_bound_is_422_and_an_append_after_the_last_position_never_wraps()
    {
        var project = await Given.ProjectAsync(Admin);
        var url = $"/api/v1/projects/{project.Id()}/milestones";

        var huge = await Admin.Post(url, new { title = "huge", position = int.MaxValue });
        await Given.MilestoneAsync(Admin, project.Id(), new { title = "last", position = 1_000_000 });
        var appended = await Admin.Post(url, new { title = "after the last" });

        huge.AssertProblem(HttpStatusCode.UnprocessableEntity, "between 1 and 1000000");
        appended.AssertProblem(HttpStatusCode.UnprocessableEntity, "reorder");
        var positions = (await Admin.Get($"{url}?type=categorised")).Data().AsArray().Select(m => m.Int("position"));
        Assert.Equal([1_000_000], positions);
    }

    [Fact]
    public async Task A_task_position_beyond_the_bound_is_422_and_an_append_after_the_last_position_never_wraps()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        var url = $"/api/v1/milestones/{milestone.Id()}/tasks";

        var huge = await Admin.Post(url, new { title = "huge", position = int.MaxValue });
        (await Admin.Post(url, new { title = "last", position = 1_000_000 })).Data(HttpStatusCode.Created);
        var appended = await Admin.Post(url, new { title = "after the last" });

        huge.AssertProblem(HttpStatusCode.UnprocessableEntity, "between 1 and 1000000");
        appended.AssertProblem(HttpStatusCode.UnprocessableEntity, "explicit position");
        Assert.Equal(1, (await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}")).Int("tasksTotal"));
    }

    [Fact]
    public async Task Reassigning_tasks_that_would_pass_the_last_position_is_422_and_moves_nothing()
    {
        var project = await Given.ProjectAsync(Admin);
        var full = await Given.MilestoneAsync(Admin, project.Id());
        var leaving = await Given.MilestoneAsync(Admin, project.Id());
        (await Admin.Post($"/api/v1/milestones/{full.Id()}/tasks", new { title = "far", position = 1_000_000 })).Data(HttpStatusCode.Created);
        (await Admin.Post($"/api/v1/milestones/{leaving.Id()}/tasks", new { title = "far too", position = 2 })).Data(HttpStatusCode.Created);

        var result = await Admin.Delete($"/api/v1/milestones/{leaving.Id()}?reassignTo={full.Id()}");

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, "position");
        Assert.Null((await Given.GetAsync(Admin, $"/api/v1/milestones/{leaving.Id()}")).Str("deletedAt"));
        Assert.Equal(1, (await Given.GetAsync(Admin, $"/api/v1/milestones/{full.Id()}")).Int("tasksTotal"));
    }

    [Theory]
    [InlineData("/api/v1/milestones/99999999999999999999", "milestoneId")]
    [InlineData("/api/v1/tasks/9223372036854775808", "taskId")]
    [InlineData("/api/v1/projects/-99999999999999999999/milestones", "projectId")]
    public async Task An_id_beyond_64_bits_is_400_naming_it(string url, string parameter)
    {
        var result = await Admin.Get(url);

        result.AssertProblem(HttpStatusCode.BadRequest, parameter);
        Assert.NotEmpty(result.Body!.ErrorsFor(parameter));
    }
}
