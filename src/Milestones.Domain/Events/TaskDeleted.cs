using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record TaskDeleted(TaskItem Task, bool Completed) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.TaskDeleted, Task.ProjectId, Task.MilestoneId, Task.Id,
        new Dictionary<string, object?> { ["title"] = Task.Title });
}
