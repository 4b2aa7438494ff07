using System.Text.Json;
using Milestones.Application.Common.Serialization;

namespace Milestones.Application.Events;

/// <summary>
/// Adds an entry to a project's activity log, in the current unit of work (so it commits with the
/// change it describes). The actor is the caller; null when the system acts.
/// </summary>
public sealed class ActivityLog(IApplicationDbContext db, IUser user, TimeProvider clock)
{
    public void Record(ActivityRecord activity) =>
        db.Events.Add(ActivityEvent.Record(
            activity.Type,
            activity.ProjectId,
            activity.MilestoneId,
            activity.TaskId,
            user.Id,
            JsonSerializer.Serialize(activity.Data, JsonDefaults.Options),
            clock.GetUtcNow().UtcDateTime));
}
