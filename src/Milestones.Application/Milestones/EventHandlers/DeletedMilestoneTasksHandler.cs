using Milestones.Application.Common.Ordering;
using Milestones.Domain.Events;

namespace Milestones.Application.Milestones.EventHandlers;

/// <summary>
/// Disposes of a deleted milestone's tasks as its deletion says: appended, in their order, after the
/// tasks of the milestone they are reassigned to, or soft-deleted with it. One bulk statement each;
/// their counters follow in <see cref="Tasks.EventHandlers.TaskCounterHandler"/>.
/// </summary>
public sealed class DeletedMilestoneTasksHandler(IApplicationDbContext db, TimeProvider clock) : INotificationHandler<MilestoneDeleted>
{
    public async ValueTask Handle(MilestoneDeleted notification, CancellationToken cancellationToken)
    {
        if (notification.Tally.Total == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tasks = db.Tasks.Where(t => t.MilestoneId == notification.Milestone.Id);
        if (notification.ReassignTo is { } targetId)
        {
            var offset = await db.TaskList(targetId).LastPositionAsync(cancellationToken);
            await tasks.ExecuteUpdateAsync(s => s
                .SetProperty(t => t.MilestoneId, targetId)
                .SetProperty(t => t.Position, t => t.Position + offset)
                .SetProperty(t => t.UpdatedAt, now), cancellationToken);
        }
        else
        {
            await tasks.ExecuteUpdateAsync(s => s
                .SetProperty(t => t.DeletedAt, now)
                .SetProperty(t => t.UpdatedAt, now), cancellationToken);
        }
    }
}
