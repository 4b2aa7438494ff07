using Milestones.Application.Common.Ordering;

namespace Milestones.Application.Milestones.EventHandlers;

/// <summary>
/// The one owner of the other milestones' positions: when a categorised milestone arrives before others,
/// moves, or leaves its project's list, the rest of the list shifts (<see cref="OrderedList"/>), inside the cause's
/// transaction. The default milestone stays at 0, outside the list.
/// </summary>
public sealed class MilestonePositionHandler(IApplicationDbContext db) :
    INotificationHandler<MilestoneCreated>,
    INotificationHandler<MilestoneRepositioned>,
    INotificationHandler<MilestoneDeleted>
{
    /// <summary>Only a milestone put before others moves them; an append (and a restore, which appends) moves nothing.</summary>
    public ValueTask Handle(MilestoneCreated notification, CancellationToken cancellationToken) =>
        notification.Displaces && !notification.Milestone.IsDefault
            ? new(db.MilestoneList(notification.Milestone.ProjectId).OpenAsync(notification.Milestone, cancellationToken))
            : ValueTask.CompletedTask;

    public ValueTask Handle(MilestoneRepositioned notification, CancellationToken cancellationToken) =>
        new(db.MilestoneList(notification.Milestone.ProjectId).MoveAsync(notification.Milestone, notification.From, cancellationToken));

    public ValueTask Handle(MilestoneDeleted notification, CancellationToken cancellationToken) =>
        new(db.MilestoneList(notification.Milestone.ProjectId).CloseAsync(notification.Milestone.Id, notification.Milestone.Position, cancellationToken));
}
