using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record TaskCompletionChanged(TaskItem Task, bool Completed) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(Completed ? EventTypes.TaskCompleted : EventTypes.TaskReopened, Task.ProjectId, Task.MilestoneId, Task.Id,
        new Dictionary<string, object?>());
}
