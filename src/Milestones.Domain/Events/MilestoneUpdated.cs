using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record MilestoneUpdated(Milestone Milestone, IReadOnlyDictionary<string, object?> Changes) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.MilestoneUpdated, Milestone.ProjectId, Milestone.Id, null, Changes);
}
