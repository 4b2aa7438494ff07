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
        AddAsync(notification.Milestone.ProjectId, 1, Reached(notification.Status), cancellationToken);

    public ValueTask Handle(MilestoneStatusChanged notification, CancellationToken cancellationToken) =>
        AddAsync(notification.Milestone.ProjectId, 0, Reached(notification.To) - Reached(notification.From), cancellationToken);

    public ValueTask Handle(MilestoneDeleted notification, CancellationToken cancellationToken) =>
        AddAsync(notification.Milestone.ProjectId, -1, -Reached(notification.Milestone.Status), cancellationToken);

    public ValueTask Handle(MilestoneRestored notification, CancellationToken cancellationToken) =>
        AddAsync(notification.Milestone.ProjectId, 1, Reached(notification.Milestone.Status), cancellationToken);

    private ValueTask AddAsync(long projectId, int total, int reached, CancellationToken ct) =>
        new(db.AddToCountersAsync([CounterChange.ProjectMilestones(projectId, total, reached)], clock.GetUtcNow().UtcDateTime, ct));

    private static int Reached(MilestoneStatus status) => status == MilestoneStatus.Reached ? 1 : 0;
}
