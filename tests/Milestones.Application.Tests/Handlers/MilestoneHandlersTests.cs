using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Milestones.Commands.CreateMilestone;
using Milestones.Application.Milestones.Commands.DeleteMilestone;
using Milestones.Application.Milestones.Commands.UpdateMilestone;
using Milestones.Application.Projects.Commands.CreateProject;
using Milestones.Application.Tasks.Commands.UpdateTask;
using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Application.Tests.Handlers;

public sealed class MilestoneHandlersTests : HandlerTestBase
{
    private async Task<long> ProjectAsync() => (await SendAsync(new CreateProjectCommand("P", null, null))).Id;

    [Fact]
    public async Task Deleting_a_milestone_reassigns_its_tasks_to_the_default()
    {
        var projectId = await ProjectAsync();
        var milestone = await SendAsync(new CreateMilestoneCommand(projectId, new MilestoneDraft { Title = "Doomed" }, null, [new TaskDraft("a", true), new TaskDraft("b", false)]));

        var result = await SendAsync(new DeleteMilestoneCommand(milestone.Id));

        var defaultMilestone = await DbAsync(db => db.Milestones.SingleAsync(m => m.ProjectId == projectId && m.Type == MilestoneType.Uncategorised));
        Assert.Equal(("reassigned", 2, (long?)defaultMilestone.Id), (result.Tasks, result.Count, result.ReassignTo));
        Assert.Equal((2, 1), (defaultMilestone.TasksTotal, defaultMilestone.TasksCompleted));
        Assert.Equal(2, await DbAsync(db => db.Tasks.CountAsync(t => t.MilestoneId == defaultMilestone.Id)));
        var project = await DbAsync(db => db.Projects.SingleAsync(p => p.Id == projectId));
        Assert.Equal((0, 2, 1), (project.MilestonesTotal, project.TasksTotal, project.TasksCompleted));
    }

    [Fact]
    public async Task A_failed_command_rolls_back_every_side_effect()
    {
        var projectId = await ProjectAsync();
        await SendAsync(new CreateMilestoneCommand(projectId, new MilestoneDraft { Title = "Taken" }));
        var eventsBefore = await DbAsync(db => db.Events.CountAsync());

        await Assert.ThrowsAsync<ConflictException>(async () =>
            await SendAsync(new CreateMilestoneCommand(projectId, new MilestoneDraft { Title = "TAKEN" }, null, [new TaskDraft("t", false)])));

        Assert.Equal(eventsBefore, await DbAsync(db => db.Events.CountAsync()));
        Assert.Equal(1, await DbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.MilestonesTotal).SingleAsync()));
        Assert.Equal(0, await DbAsync(db => db.Tasks.CountAsync()));
    }

    [Fact]
    public async Task Reaching_uses_the_injected_clock_for_reached_at()
    {
        var projectId = await ProjectAsync();
        var milestone = await SendAsync(new CreateMilestoneCommand(projectId, new MilestoneDraft { Title = "M" }));
        Clock.Advance(TimeSpan.FromHours(5));

        var reached = await SendAsync(new UpdateMilestoneCommand(milestone.Id, new MilestoneChanges { Status = MilestoneStatus.Reached }));

        Assert.Equal(new DateTime(2026, 6, 1, 17, 0, 0, DateTimeKind.Utc), reached.ReachedAt);
        Assert.Equal(1, await DbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.MilestonesReached).SingleAsync()));
    }

    [Fact]
    public async Task Is_overdue_follows_the_injected_clock()
    {
        var projectId = await ProjectAsync();
        var milestone = await SendAsync(new CreateMilestoneCommand(projectId, new MilestoneDraft { Title = "M", DueDate = new DateTime(2026, 6, 2, 0, 0, 0, DateTimeKind.Utc) }));
        Assert.False(milestone.IsOverdue);

        Clock.Advance(TimeSpan.FromDays(2));
        var later = await SendAsync(new Milestones.Queries.GetMilestone.GetMilestoneQuery(milestone.Id));

        Assert.True(later.IsOverdue);
    }

    [Fact]
    public async Task Events_name_the_calling_user_as_actor()
    {
        var projectId = await ProjectAsync();

        var milestone = await SendAsync(new CreateMilestoneCommand(projectId, new MilestoneDraft { Title = "M" }));

        var ev = await DbAsync(db => db.Events.SingleAsync(e => e.MilestoneId == milestone.Id));
        Assert.Equal(UserId, ev.ActorId);
        Caller.VerifyGet(u => u.Id, Moq.Times.AtLeastOnce());
    }

    [Fact]
    public async Task Completing_a_task_changes_counters_by_one_each_time()
    {
        var projectId = await ProjectAsync();
        var milestone = await SendAsync(new CreateMilestoneCommand(projectId, new MilestoneDraft { Title = "M" }, null, [new TaskDraft("a", false)]));
        var taskId = await DbAsync(db => db.Tasks.Select(t => t.Id).SingleAsync());

        await SendAsync(new UpdateTaskCommand(taskId, new TaskChanges { Completed = true }));
        await SendAsync(new UpdateTaskCommand(taskId, new TaskChanges { Completed = true }));

        var m = await DbAsync(db => db.Milestones.SingleAsync(x => x.Id == milestone.Id));
        Assert.Equal((1, 1), (m.TasksTotal, m.TasksCompleted));
    }

    [Fact]
    public async Task A_non_member_is_told_a_private_project_does_not_exist()
    {
        var projectId = await ProjectAsync();
        ActAs(UserId + 1000, Scopes.Read, Scopes.Write);

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await SendAsync(new CreateMilestoneCommand(projectId, new MilestoneDraft { Title = "M" })));
    }
}
