using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

/// <summary>The task left <paramref name="FromMilestoneId"/> at <paramref name="FromPosition"/> for its new milestone and position (<paramref name="Displaces"/>: tasks there held it).</summary>
public sealed record TaskMoved(TaskItem Task, long FromMilestoneId, int FromPosition, long ToMilestoneId, bool Completed, bool Displaces = false) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.TaskMoved, Task.ProjectId, ToMilestoneId, Task.Id,
        new Dictionary<string, object?> { ["from"] = FromMilestoneId, ["to"] = ToMilestoneId });
}
