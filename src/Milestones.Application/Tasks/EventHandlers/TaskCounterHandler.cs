using Milestones.Application.Common.Counters;
using Milestones.Domain.Events;

namespace Milestones.Application.Tasks.EventHandlers;

/// <summary>
/// The one home of tasksTotal / tasksCompleted on milestones and projects, for every cause: a task
/// created, completed or reopened, moved, deleted, or disposed of with its deleted milestone. Each
/// cause's changes go to the database as one command.
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

    public ValueTask Handle(TaskMoved notification, CancellationToken cancellationToken)
    {
        var tally = TaskTally.Of(notification.Completed);
        return ChangeAsync(
            [CounterChange.MilestoneTasks(notification.FromMilestoneId, -tally), CounterChange.MilestoneTasks(notification.ToMilestoneId, tally)],
            cancellationToken);
    }

    public ValueTask Handle(TaskDeleted notification, CancellationToken cancellationToken) =>
        AddAsync(notification.Task.ProjectId, notification.Task.MilestoneId, -TaskTally.Of(notification.Completed), cancellationToken);

    /// <summary>The deleted milestone's tasks went to <see cref="MilestoneDeleted.ReassignTo"/>, or out of the project.</summary>
    public ValueTask Handle(MilestoneDeleted notification, CancellationToken cancellationToken)
    {
        var milestone = notification.Milestone;
        var gone = CounterChange.MilestoneTasks(milestone.Id, -notification.Tally);
        return ChangeAsync(
            notification.ReassignTo is { } target
                ? [gone, CounterChange.MilestoneTasks(target, notification.Tally)]
                : [gone, CounterChange.ProjectTasks(milestone.ProjectId, -notification.Tally)],
            cancellationToken);
    }

    private ValueTask AddAsync(long projectId, long milestoneId, TaskTally delta, CancellationToken ct) =>
        ChangeAsync([CounterChange.MilestoneTasks(milestoneId, delta), CounterChange.ProjectTasks(projectId, delta)], ct);

    private ValueTask ChangeAsync(CounterChange[] changes, CancellationToken ct) =>
        new(db.AddToCountersAsync(changes, clock.GetUtcNow().UtcDateTime, ct));
}
