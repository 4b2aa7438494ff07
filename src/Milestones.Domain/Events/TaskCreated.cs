using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

/// <summary>A task arrived in its milestone; <paramref name="Displaces"/> when tasks already held its position.</summary>
public sealed record TaskCreated(TaskItem Task, bool Completed, bool Displaces = false) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.TaskCreated, Task.ProjectId, Task.MilestoneId, Task.Id,
        new Dictionary<string, object?> { ["title"] = Task.Title, ["completed"] = Completed });
}
