using Milestones.Application.Common.Counters;
using Milestones.Domain.Events;

namespace Milestones.Application.Common.EventHandlers;

/// <summary>Keeps tasksTotal / tasksCompleted exact on milestones and projects as tasks change.</summary>
public sealed class TaskCounterHandler(IApplicationDbContext db) :
    INotificationHandler<TaskCreated>,
    INotificationHandler<TaskCompletionChanged>,
    INotificationHandler<TaskMoved>,
    INotificationHandler<TaskDeleted>
{
    public async ValueTask Handle(TaskCreated notification, CancellationToken cancellationToken)
    {
        var completed = notification.Completed ? 1 : 0;
        await db.AdjustMilestoneTasksAsync(notification.Task.MilestoneId, 1, completed, cancellationToken);
        await db.AdjustProjectTasksAsync(notification.Task.ProjectId, 1, completed, cancellationToken);
    }

    public async ValueTask Handle(TaskCompletionChanged notification, CancellationToken cancellationToken)
    {
        var delta = notification.Completed ? 1 : -1;
        await db.AdjustMilestoneTasksAsync(notification.Task.MilestoneId, 0, delta, cancellationToken);
        await db.AdjustProjectTasksAsync(notification.Task.ProjectId, 0, delta, cancellationToken);
    }

    public async ValueTask Handle(TaskMoved notification, CancellationToken cancellationToken)
    {
        var completed = notification.Completed ? 1 : 0;
        await db.AdjustMilestoneTasksAsync(notification.FromMilestoneId, -1, -completed, cancellationToken);
        await db.AdjustMilestoneTasksAsync(notification.ToMilestoneId, 1, completed, cancellationToken);
    }

    public async ValueTask Handle(TaskDeleted notification, CancellationToken cancellationToken)
    {
        var completed = notification.Completed ? 1 : 0;
        await db.AdjustMilestoneTasksAsync(notification.Task.MilestoneId, -1, -completed, cancellationToken);
        await db.AdjustProjectTasksAsync(notification.Task.ProjectId, -1, -completed, cancellationToken);
    }
}

/// <summary>
/// Keeps the project's milestonesTotal / milestonesReached exact. The default milestone is never
/// counted (it raises none of these events: it cannot change status or be deleted).
/// </summary>
public sealed class ProjectMilestoneCounterHandler(IApplicationDbContext db) :
    INotificationHandler<MilestoneCreated>,
    INotificationHandler<MilestoneStatusChanged>,
    INotificationHandler<MilestoneDeleted>,
    INotificationHandler<MilestoneRestored>
{
    public ValueTask Handle(MilestoneCreated notification, CancellationToken cancellationToken) =>
        new(db.AdjustProjectMilestonesAsync(notification.Milestone.ProjectId, 1, Reached(notification.Status), cancellationToken));

    public ValueTask Handle(MilestoneStatusChanged notification, CancellationToken cancellationToken) =>
        new(db.AdjustProjectMilestonesAsync(notification.Milestone.ProjectId, 0, Reached(notification.To) - Reached(notification.From), cancellationToken));

    public ValueTask Handle(MilestoneDeleted notification, CancellationToken cancellationToken) =>
        new(db.AdjustProjectMilestonesAsync(notification.Milestone.ProjectId, -1, -Reached(notification.Milestone.Status), cancellationToken));

    public ValueTask Handle(MilestoneRestored notification, CancellationToken cancellationToken) =>
        new(db.AdjustProjectMilestonesAsync(notification.Milestone.ProjectId, 1, Reached(notification.Milestone.Status), cancellationToken));

    private static int Reached(MilestoneStatus status) => status == MilestoneStatus.Reached ? 1 : 0;
}
