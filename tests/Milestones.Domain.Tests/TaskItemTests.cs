using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;
using Milestones.Domain.Events;

namespace Milestones.Domain.Tests;

public sealed class TaskItemTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static Milestone NewMilestone(long projectId = 1, string title = "m") =>
        Milestone.Create(projectId, new MilestoneDraft { Title = title }, 1, 7, Now);

    [Fact]
    public void A_completed_new_task_records_completed_at_and_its_creation()
    {
        var task = TaskItem.Create(NewMilestone(), "t", completed: true, position: 1, Now);

        Assert.Equal(Now, task.CompletedAt);
        Assert.True(Assert.IsType<TaskCreated>(Assert.Single(task.DomainEvents)).Completed);
    }

    [Fact]
    public void Completing_twice_raises_one_event()
    {
        var task = TaskItem.Create(NewMilestone(), "t", false, 1, Now);
        task.ClearDomainEvents();

        task.Complete(Now);
        task.Complete(Now);

        Assert.Single(task.DomainEvents.OfType<TaskCompletionChanged>());
    }

    [Fact]
    public void Reopening_clears_completed_at()
    {
        var task = TaskItem.Create(NewMilestone(), "t", true, 1, Now);

        task.Reopen();

        Assert.False(task.Completed);
        Assert.Null(task.CompletedAt);
        Assert.False(Assert.Single(task.DomainEvents.OfType<TaskCompletionChanged>()).Completed);
    }

    [Fact]
    public void A_task_cannot_move_to_another_projects_milestone()
    {
        var task = TaskItem.Create(NewMilestone(1), "t", false, 1, Now);

        Assert.Throws<DomainException>(() => task.MoveTo(NewMilestone(2), 1));
    }

    [Fact]
    public void A_task_cannot_be_created_in_a_deleted_milestone()
    {
        var milestone = NewMilestone();
        milestone.SoftDelete(Now, TaskDisposal.Delete, default, null);

        Assert.Throws<DomainException>(() => TaskItem.Create(milestone, "t", false, 1, Now));
    }

    [Fact]
    public void A_deleted_task_refuses_changes()
    {
        var task = TaskItem.Create(NewMilestone(), "t", false, 1, Now);
        task.SoftDelete(Now);

        Assert.Throws<DomainException>(() => task.Complete(Now));
        Assert.Throws<DomainException>(() => task.Rename("x"));
    }
}
