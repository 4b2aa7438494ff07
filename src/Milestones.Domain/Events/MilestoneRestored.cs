using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record MilestoneRestored(Milestone Milestone) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.MilestoneRestored, Milestone.ProjectId, Milestone.Id, null,
        new Dictionary<string, object?> { ["title"] = Milestone.Title });
}
