using Milestones.Application.Common.Counters;
using Milestones.Domain.Events;

namespace Milestones.Application.Tasks.EventHandlers;

/// <summary>
/// The one home of tasksTotal / tasksCompleted on milestones and projects, for every cause: a task
/// created, completed or reopened, moved, deleted, or disposed of with its deleted milestone.
/// </summary>
public sealed class TaskCounterHandler(IApplicationDbContext db, TimeProvider clock) :
    INotificationHandler<TaskCreated>,
    INotificationHandler<TaskCompletionChanged>,
    INotificationHandler<TaskMoved>,
    INotificationHandler<TaskDeleted>,
    INotificationHandler<MilestoneDeleted>
{
    public ValueTask Handle(TaskCreated notification, CancellationToken cancellationToken) =>
        AddAsync(notification.Task.ProjectId, notification.Task.MilestoneId, TaskTally.Of(notification.Completed), cancellationToken);

    public ValueTask Handle(TaskCompletionChanged notification, CancellationToken cancellationToken) =>
        AddAsync(notification.Task.ProjectId, notification.Task.MilestoneId, new TaskTally(0, notification.Completed ? 1 : -1), cancellationToken);

    public async ValueTask Handle(TaskMoved notification, CancellationToken cancellationToken)
    {
        var tally = TaskTally.Of(notification.Completed);
        await db.AdjustMilestoneTasksAsync(notification.FromMilestoneId, -tally, Now, cancellationToken);
        await db.AdjustMilestoneTasksAsync(notification.ToMilestoneId, tally, Now, cancellationToken);
    }

    public ValueTask Handle(TaskDeleted notification, CancellationToken cancellationToken) =>
        AddAsync(notification.Task.ProjectId, notification.Task.MilestoneId, -TaskTally.Of(notification.Completed), cancellationToken);

    /// <summary>The deleted milestone's tasks went to <see cref="MilestoneDeleted.ReassignTo"/>, or out of the project.</summary>
    public async ValueTask Handle(MilestoneDeleted notification, CancellationToken cancellationToken)
    {
        var milestone = notification.Milestone;
        await db.AdjustMilestoneTasksAsync(milestone.Id, -notification.Tally, Now, cancellationToken);
        if (notification.ReassignTo is { } target)
        {
            await db.AdjustMilestoneTasksAsync(target, notification.Tally, Now, cancellationToken);
        }
        else
        {
            await db.AdjustProjectTasksAsync(milestone.ProjectId, -notification.Tally, Now, cancellationToken);
        }
    }

    private async ValueTask AddAsync(long projectId, long milestoneId, TaskTally delta, CancellationToken ct)
    {
        await db.AdjustMilestoneTasksAsync(milestoneId, delta, Now, ct);
        await db.AdjustProjectTasksAsync(projectId, delta, Now, ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
