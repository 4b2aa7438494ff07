using Milestones.Application.Common.Counters;
using Milestones.Domain.Events;

namespace Milestones.Application.Milestones.EventHandlers;

/// <summary>
/// The one home of the project's milestonesTotal / milestonesReached. The default milestone is never
/// counted (it raises none of these events: it cannot change status or be deleted).
/// </summary>
public sealed class ProjectMilestoneCounterHandler(IApplicationDbContext db, TimeProvider clock) :
    INotificationHandler<MilestoneCreated>,
    INotificationHandler<MilestoneStatusChanged>,
    INotificationHandler<MilestoneDeleted>,
    INotificationHandler<MilestoneRestored>
{
    public ValueTask Handle(MilestoneCreated notification, CancellationToken cancellationToken) =>
        new(db.AdjustProjectMilestonesAsync(notification.Milestone.ProjectId, 1, Reached(notification.Status), clock.GetUtcNow().UtcDateTime, cancellationToken));

    public ValueTask Handle(MilestoneStatusChanged notification, CancellationToken cancellationToken) =>
        new(db.AdjustProjectMilestonesAsync(notification.Milestone.ProjectId, 0, Reached(notification.To) - Reached(notification.From), clock.GetUtcNow().UtcDateTime, cancellationToken));

    public ValueTask Handle(MilestoneDeleted notification, CancellationToken cancellationToken) =>
        new(db.AdjustProjectMilestonesAsync(notification.Milestone.ProjectId, -1, -Reached(notification.Milestone.Status), clock.GetUtcNow().UtcDateTime, cancellationToken));

    public ValueTask Handle(MilestoneRestored notification, CancellationToken cancellationToken) =>
        new(db.AdjustProjectMilestonesAsync(notification.Milestone.ProjectId, 1, Reached(notification.Milestone.Status), clock.GetUtcNow().UtcDateTime, cancellationToken));

    private static int Reached(MilestoneStatus status) => status == MilestoneStatus.Reached ? 1 : 0;
}
