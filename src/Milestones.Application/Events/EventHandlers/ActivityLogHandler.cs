namespace Milestones.Application.Events.EventHandlers;

/// <summary>Writes every activity-worthy domain event to the project's event log.</summary>
public sealed class ActivityLogHandler(ActivityLog log) : INotificationHandler<IActivityEvent>
{
    public ValueTask Handle(IActivityEvent notification, CancellationToken cancellationToken) =>
        log.RecordAsync(notification.ToActivity(), cancellationToken);
}
