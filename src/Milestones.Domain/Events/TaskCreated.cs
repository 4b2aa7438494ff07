using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record TaskCreated(TaskItem Task, bool Completed) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("task.created", Task.ProjectId, Task.MilestoneId, Task.Id,
        new Dictionary<string, object?> { ["title"] = Task.Title, ["completed"] = Completed });
}
