using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record TaskCreated(TaskItem Task, bool Completed) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.TaskCreated, Task.ProjectId, Task.MilestoneId, Task.Id,
        new Dictionary<string, object?> { ["title"] = Task.Title, ["completed"] = Completed });
}
