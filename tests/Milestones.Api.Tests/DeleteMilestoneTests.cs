using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

public sealed class DeleteMilestoneTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task Deleting_a_milestone_reassigns_its_tasks_to_the_default()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        await Given.TaskAsync(Admin, milestone.Id(), completed: true);
        await Given.TaskAsync(Admin, milestone.Id());
        var defaultId = await Given.DefaultMilestoneIdAsync(Admin, project.Id());

        var deleted = (await Admin.Delete($"/api/v1/milestones/{milestone.Id()}")).Data();

        Assert.True(deleted["deleted"]!.GetValue<bool>());
        Assert.Equal("reassigned", deleted.Str("tasks"));
        Assert.Equal(2, deleted.Int("count"));
        Assert.Equal(defaultId, deleted["reassignTo"]!.GetValue<long>());
        var target = await Given.GetAsync(Admin, $"/api/v1/milestones/{defaultId}");
        Assert.Equal(2, target.Int("tasksTotal"));
        Assert.Equal(1, target.Int("tasksCompleted"));
        var tasks = (await Admin.Get($"/api/v1/milestones/{defaultId}/tasks")).Data().AsArray();
        Assert.Equal(2, tasks.Count);
        var p = await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}");
        Assert.Equal(0, p.Int("milestonesTotal"));
        Assert.Equal(2, p.Int("tasksTotal"));
        Assert.Equal(1, p.Int("tasksCompleted"));
    }

    [Fact]
    public async Task Deleting_with_reassign_to_moves_the_tasks_to_that_milestone()
    {
        var project = await Given.ProjectAsync(Admin);
        var doomed = await Given.MilestoneAsync(Admin, project.Id());
        var keeper = await Given.MilestoneAsync(Admin, project.Id());
        await Given.TaskAsync(Admin, keeper.Id());
        await Given.TaskAsync(Admin, doomed.Id(), completed: true);

        var deleted = (await Admin.Delete($"/api/v1/milestones/{doomed.Id()}?tasks=reassign&reassignTo={keeper.Id()}")).Data();

        Assert.Equal(keeper.Id(), deleted["reassignTo"]!.GetValue<long>());
        var target = await Given.GetAsync(Admin, $"/api/v1/milestones/{keeper.Id()}");
        Assert.Equal(2, target.Int("tasksTotal"));
        Assert.Equal(1, target.Int("tasksCompleted"));
        var positions = (await Admin.Get($"/api/v1/milestones/{keeper.Id()}/tasks")).Data().AsArray().Select(t => t!.Int("position")).ToList();
        Assert.Equal(positions.Distinct().Count(), positions.Count);
    }

    [Fact]
    public async Task Deleting_with_tasks_delete_soft_deletes_them_and_uncounts_them()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        var task = await Given.TaskAsync(Admin, milestone.Id(), completed: true);

        var deleted = (await Admin.Delete($"/api/v1/milestones/{milestone.Id()}?tasks=delete")).Data();

        Assert.Equal("deleted", deleted.Str("tasks"));
        Assert.Equal(1, deleted.Int("count"));
        Assert.Null(deleted["reassignTo"]);
        (await Admin.Get($"/api/v1/tasks/{task.Id()}")).AssertProblem(HttpStatusCode.NotFound);
        var p = await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}");
        Assert.Equal(0, p.Int("tasksTotal"));
        Assert.Equal(0, p.Int("tasksCompleted"));
    }

    [Fact]
    public async Task The_default_milestone_cannot_be_deleted()
    {
        var project = await Given.ProjectAsync(Admin);
        var defaultId = await Given.DefaultMilestoneIdAsync(Admin, project.Id());

        (await Admin.Delete($"/api/v1/milestones/{defaultId}")).AssertProblem(HttpStatusCode.Conflict, "default milestone");
    }

    [Fact]
    public async Task Reassigning_to_a_milestone_of_another_project_is_422_and_changes_nothing()
    {
        var project = await Given.ProjectAsync(Admin);
        var foreign = await Given.MilestoneAsync(Admin, (await Given.ProjectAsync(Admin)).Id());
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        await Given.TaskAsync(Admin, milestone.Id());

        var result = await Admin.Delete($"/api/v1/milestones/{milestone.Id()}?reassignTo={foreign.Id()}");

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, "reassignTo");
        Assert.Equal(1, (await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}")).Int("tasksTotal"));
    }

    [Fact]
    public async Task Reassigning_to_itself_is_422()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        (await Admin.Delete($"/api/v1/milestones/{milestone.Id()}?reassignTo={milestone.Id()}")).AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_unknown_tasks_mode_is_422_naming_the_modes()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        (await Admin.Delete($"/api/v1/milestones/{milestone.Id()}?tasks=archive")).AssertProblem(HttpStatusCode.UnprocessableEntity, "reassign, delete");
    }

    [Fact]
    public async Task Only_admins_can_delete_milestones()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        var (_, name, achiever) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, project.Id(), name, "achiever");

        (await achiever.Delete($"/api/v1/milestones/{milestone.Id()}")).AssertProblem(HttpStatusCode.Forbidden, "Only admins can delete milestones");
    }

    [Fact]
    public async Task A_deleted_milestone_frees_its_title_and_leaves_live_lists()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Reusable" });

        await Admin.Delete($"/api/v1/milestones/{milestone.Id()}");

        Assert.Equal(HttpStatusCode.Created, (await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "Reusable" })).Status);
        var titles = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones")).Data().AsArray().Select(m => m!.Id());
        Assert.DoesNotContain(milestone.Id(), titles);
    }

    [Fact]
    public async Task Deleting_records_the_event_with_what_happened_to_the_tasks()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        await Given.TaskAsync(Admin, milestone.Id());

        await Admin.Delete($"/api/v1/milestones/{milestone.Id()}?tasks=delete");

        var ev = Assert.Single((await Admin.Get($"/api/v1/projects/{project.Id()}/events?type=milestone.deleted")).Data().AsArray())!;
        Assert.Equal("deleted", ev["data"]!.Str("tasks"));
        Assert.Equal(1, ev["data"]!.Int("count"));
    }

    [Fact]
    public async Task Restoring_brings_a_milestone_back_and_counts_it_again()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Phoenix", status = "reached" });
        await Admin.Delete($"/api/v1/milestones/{milestone.Id()}");

        var restored = (await Admin.Post($"/api/v1/milestones/{milestone.Id()}/restore")).Data();

        Assert.Null(restored["deletedAt"]);
        var p = await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}");
        Assert.Equal(1, p.Int("milestonesTotal"));
        Assert.Equal(1, p.Int("milestonesReached"));
        Assert.Single((await Admin.Get($"/api/v1/projects/{project.Id()}/events?type=milestone.restored")).Data().AsArray());
    }

    [Fact]
    public async Task Restoring_when_the_title_was_taken_meanwhile_is_409()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Twin" });
        await Admin.Delete($"/api/v1/milestones/{milestone.Id()}");
        await Given.MilestoneAsync(Admin, project.Id(), new { title = "twin" });

        (await Admin.Post($"/api/v1/milestones/{milestone.Id()}/restore")).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Restoring_a_live_milestone_is_409()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        (await Admin.Post($"/api/v1/milestones/{milestone.Id()}/restore")).AssertProblem(HttpStatusCode.Conflict, "not deleted");
    }

    [Fact]
    public async Task A_deleted_milestone_is_404_to_non_admins_but_visible_to_admins()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        var (_, name, supporter) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, project.Id(), name, "supporter");
        await Admin.Delete($"/api/v1/milestones/{milestone.Id()}");

        Assert.NotNull((await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}"))["deletedAt"]);
        (await supporter.Get($"/api/v1/milestones/{milestone.Id()}")).AssertProblem(HttpStatusCode.NotFound);
    }
}
