using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Domain.Events;

public sealed record MilestoneCreated(Milestone Milestone, MilestoneStatus Status) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.MilestoneCreated, Milestone.ProjectId, Milestone.Id, null,
        new Dictionary<string, object?> { ["title"] = Milestone.Title, ["status"] = Status });
}
