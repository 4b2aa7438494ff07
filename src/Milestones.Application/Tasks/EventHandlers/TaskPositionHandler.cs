using Milestones.Application.Common.Ordering;

namespace Milestones.Application.Tasks.EventHandlers;

/// <summary>
/// The one owner of the other tasks' positions: when a task arrives in, moves within or leaves a
/// milestone's list, the rest of that list shifts (<see cref="OrderedList"/>), inside the cause's
/// transaction. A deleted milestone's tasks are appended to their new milestone by
/// <see cref="Milestones.EventHandlers.DeletedMilestoneTasksHandler"/>.
/// </summary>
public sealed class TaskPositionHandler(IApplicationDbContext db) :
    INotificationHandler<TaskCreated>,
    INotificationHandler<TaskRepositioned>,
    INotificationHandler<TaskMoved>,
    INotificationHandler<TaskDeleted>
{
    /// <summary>Only a task put before others moves them; an append moves nothing.</summary>
    public ValueTask Handle(TaskCreated notification, CancellationToken cancellationToken) =>
        notification.Displaces ? new(db.TaskList(notification.Task.MilestoneId).OpenAsync(notification.Task, cancellationToken)) : ValueTask.CompletedTask;

    public ValueTask Handle(TaskRepositioned notification, CancellationToken cancellationToken) =>
        new(db.TaskList(notification.Task.MilestoneId).MoveAsync(notification.Task, notification.From, cancellationToken));

    public async ValueTask Handle(TaskMoved notification, CancellationToken cancellationToken)
    {
        await db.TaskList(notification.FromMilestoneId).CloseAsync(notification.Task.Id, notification.FromPosition, cancellationToken);
        if (notification.Displaces)
        {
            await db.TaskList(notification.ToMilestoneId).OpenAsync(notification.Task, cancellationToken);
        }
    }

    public ValueTask Handle(TaskDeleted notification, CancellationToken cancellationToken) =>
        new(db.TaskList(notification.Task.MilestoneId).CloseAsync(notification.Task.Id, notification.Task.Position, cancellationToken));
}
