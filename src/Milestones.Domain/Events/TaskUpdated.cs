using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record TaskUpdated(TaskItem Task, IReadOnlyDictionary<string, object?> Changes) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.TaskUpdated, Task.ProjectId, Task.MilestoneId, Task.Id, Changes);
}
