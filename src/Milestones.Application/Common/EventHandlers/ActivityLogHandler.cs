using System.Text.Json;
using Mediator;
using Milestones.Application.Common.Interfaces;
using Milestones.Application.Common.Serialization;
using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Application.Common.EventHandlers;

/// <summary>
/// Writes every activity-worthy domain event to the project's event log. The entry is added to
/// the same unit of work, so it commits with the change it describes or not at all.
/// </summary>
public sealed class ActivityLogHandler(IApplicationDbContext db, IUser user, TimeProvider clock)
    : INotificationHandler<IActivityEvent>
{
    public ValueTask Handle(IActivityEvent notification, CancellationToken cancellationToken)
    {
        var activity = notification.ToActivity();
        db.Events.Add(ActivityEvent.Record(
            activity.Type,
            activity.ProjectId,
            activity.MilestoneId,
            activity.TaskId,
            user.Id,
            JsonSerializer.Serialize(activity.Data, JsonDefaults.Options),
            clock.GetUtcNow().UtcDateTime));
        return ValueTask.CompletedTask;
    }
}
