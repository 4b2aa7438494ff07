using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record TaskMoved(TaskItem Task, long FromMilestoneId, long ToMilestoneId, bool Completed) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.TaskMoved, Task.ProjectId, ToMilestoneId, Task.Id,
        new Dictionary<string, object?> { ["from"] = FromMilestoneId, ["to"] = ToMilestoneId });
}
