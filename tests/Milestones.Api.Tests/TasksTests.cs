using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

public sealed class TasksTests(ApiFactory factory) : ApiTestBase(factory)
{
    private async Task<(long ProjectId, long MilestoneId)> MilestoneAsync()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        return (project.Id(), milestone.Id());
    }

    private async Task AssertCountersAsync(long projectId, long milestoneId, int total, int completed)
    {
        var m = await Given.GetAsync(Admin, $"/api/v1/milestones/{milestoneId}");
        Assert.Equal((total, completed), (m.Int("tasksTotal"), m.Int("tasksCompleted")));
        var p = await Given.GetAsync(Admin, $"/api/v1/projects/{projectId}");
        Assert.Equal((total, completed), (p.Int("tasksTotal"), p.Int("tasksCompleted")));
    }

    [Fact]
    public async Task Creating_a_task_answers_201_with_location_at_the_next_position()
    {
        var (_, milestoneId) = await MilestoneAsync();
        await Given.TaskAsync(Admin, milestoneId);

        var result = await Admin.Post($"/api/v1/milestones/{milestoneId}/tasks", new { title = "Second" });

        var task = result.Data(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/tasks/{task.Id()}", result.Response.Headers.Location?.ToString());
        Assert.Equal(2, task.Int("position"));
        Assert.False(task["completed"]!.GetValue<bool>());
        Assert.Null(task["completedAt"]);
    }

    [Fact]
    public async Task Creating_a_task_counts_it_on_the_milestone_and_the_project()
    {
        var (projectId, milestoneId) = await MilestoneAsync();

        await Given.TaskAsync(Admin, milestoneId, completed: true);
        await Given.TaskAsync(Admin, milestoneId);

        await AssertCountersAsync(projectId, milestoneId, 2, 1);
    }

    [Fact]
    public async Task Completing_and_reopening_a_task_keeps_the_counters_exact()
    {
        var (projectId, milestoneId) = await MilestoneAsync();
        var task = await Given.TaskAsync(Admin, milestoneId);

        var completed = (await Admin.Patch($"/api/v1/tasks/{task.Id()}", new { completed = true })).Data();
        Assert.Equal("2026-06-01T12:00:00.000Z", completed.Str("completedAt"));
        await AssertCountersAsync(projectId, milestoneId, 1, 1);

        await Admin.Patch($"/api/v1/tasks/{task.Id()}", new { completed = true });
        await AssertCountersAsync(projectId, milestoneId, 1, 1);

        var reopened = (await Admin.Patch($"/api/v1/tasks/{task.Id()}", new { completed = false })).Data();
        Assert.Null(reopened["completedAt"]);
        await AssertCountersAsync(projectId, milestoneId, 1, 0);
    }

    [Fact]
    public async Task Moving_a_task_moves_its_counts_between_milestones()
    {
        var (projectId, fromId) = await MilestoneAsync();
        var to = await Given.MilestoneAsync(Admin, projectId);
        var task = await Given.TaskAsync(Admin, fromId, completed: true);

        var moved = (await Admin.Patch($"/api/v1/tasks/{task.Id()}", new { milestoneId = to.Id() })).Data();

        Assert.Equal(to.Id(), moved["milestoneId"]!.GetValue<long>());
        var from = await Given.GetAsync(Admin, $"/api/v1/milestones/{fromId}");
        var target = await Given.GetAsync(Admin, $"/api/v1/milestones/{to.Id()}");
        Assert.Equal((0, 0), (from.Int("tasksTotal"), from.Int("tasksCompleted")));
        Assert.Equal((1, 1), (target.Int("tasksTotal"), target.Int("tasksCompleted")));
        var p = await Given.GetAsync(Admin, $"/api/v1/projects/{projectId}");
        Assert.Equal((1, 1), (p.Int("tasksTotal"), p.Int("tasksCompleted")));
    }

    [Fact]
    public async Task Moving_a_task_to_another_projects_milestone_is_422()
    {
        var (_, milestoneId) = await MilestoneAsync();
        var foreign = await Given.MilestoneAsync(Admin, (await Given.ProjectAsync(Admin)).Id());
        var task = await Given.TaskAsync(Admin, milestoneId);

        (await Admin.Patch($"/api/v1/tasks/{task.Id()}", new { milestoneId = foreign.Id() })).AssertProblem(HttpStatusCode.UnprocessableEntity, "milestoneId");
    }

    [Fact]
    public async Task Deleting_a_task_uncounts_it_and_then_it_is_404()
    {
        var (projectId, milestoneId) = await MilestoneAsync();
        var task = await Given.TaskAsync(Admin, milestoneId, completed: true);

        var deleted = (await Admin.Delete($"/api/v1/tasks/{task.Id()}")).Data();

        Assert.True(deleted["deleted"]!.GetValue<bool>());
        await AssertCountersAsync(projectId, milestoneId, 0, 0);
        (await Admin.Get($"/api/v1/tasks/{task.Id()}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Task_changes_are_in_the_event_log()
    {
        var (projectId, milestoneId) = await MilestoneAsync();
        var task = await Given.TaskAsync(Admin, milestoneId);
        await Admin.Patch($"/api/v1/tasks/{task.Id()}", new { completed = true, title = "Renamed" });
        await Admin.Delete($"/api/v1/tasks/{task.Id()}");

        var types = (await Admin.Get($"/api/v1/projects/{projectId}/events?limit=100")).Data().AsArray()
            .Where(e => e!["taskId"]?.GetValue<long>() == task.Id()).Select(e => e!.Str("type")).ToList();

        Assert.Equal(["task.deleted", "task.completed", "task.updated", "task.created"], types);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_task_without_a_title_is_422(string title)
    {
        var (_, milestoneId) = await MilestoneAsync();

        (await Admin.Post($"/api/v1/milestones/{milestoneId}/tasks", new { title })).AssertProblem(HttpStatusCode.UnprocessableEntity, "title");
    }

    [Fact]
    public async Task A_title_over_500_characters_is_422()
    {
        var (_, milestoneId) = await MilestoneAsync();

        (await Admin.Post($"/api/v1/milestones/{milestoneId}/tasks", new { title = new string('t', 501) })).AssertProblem(HttpStatusCode.UnprocessableEntity, "500");
    }

    [Fact]
    public async Task Listing_tasks_filters_by_completion_and_orders_by_position()
    {
        var (_, milestoneId) = await MilestoneAsync();
        await Given.TaskAsync(Admin, milestoneId, "first", completed: true);
        await Given.TaskAsync(Admin, milestoneId, "second");
        await Given.TaskAsync(Admin, milestoneId, "third", completed: true);

        var done = await Admin.Get($"/api/v1/milestones/{milestoneId}/tasks?completed=true");

        Assert.Equal(["first", "third"], done.Data().AsArray().Select(t => t!.Str("title")));
        Assert.Equal(2, done.Body!.Int("count"));
    }

    [Fact]
    public async Task Tasks_can_be_added_to_the_default_milestone()
    {
        var project = await Given.ProjectAsync(Admin);
        var defaultId = await Given.DefaultMilestoneIdAsync(Admin, project.Id());

        var task = await Given.TaskAsync(Admin, defaultId);

        Assert.Equal(defaultId, task["milestoneId"]!.GetValue<long>());
    }

    [Fact]
    public async Task Tasks_of_a_deleted_milestone_cannot_be_created()
    {
        var (_, milestoneId) = await MilestoneAsync();
        await Admin.Delete($"/api/v1/milestones/{milestoneId}");

        (await Admin.Post($"/api/v1/milestones/{milestoneId}/tasks", new { title = "late" })).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Supporters_cannot_change_tasks()
    {
        var (projectId, milestoneId) = await MilestoneAsync();
        var task = await Given.TaskAsync(Admin, milestoneId);
        var (_, name, supporter) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, projectId, name, "supporter");

        (await supporter.Patch($"/api/v1/tasks/{task.Id()}", new { completed = true })).AssertProblem(HttpStatusCode.Forbidden, "Only admins and achievers");
        (await supporter.Post($"/api/v1/milestones/{milestoneId}/tasks", new { title = "x" })).AssertProblem(HttpStatusCode.Forbidden);
        (await supporter.Delete($"/api/v1/tasks/{task.Id()}")).AssertProblem(HttpStatusCode.Forbidden);
    }
}
