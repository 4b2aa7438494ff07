using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Domain.Events;

public sealed record MilestoneDeadlineMissed(Milestone Milestone, MilestoneStatus From) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.MilestoneDeadlineMissed, Milestone.ProjectId, Milestone.Id, null,
        new Dictionary<string, object?> { ["dueDate"] = Milestone.DueDate, ["from"] = From });
}
