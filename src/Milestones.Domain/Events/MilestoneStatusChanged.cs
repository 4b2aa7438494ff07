using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Domain.Events;

/// <summary>Its activity entry is written after the milestone's pledges are resolved, and names that resolution.</summary>
public sealed record MilestoneStatusChanged(Milestone Milestone, MilestoneStatus From, MilestoneStatus To) : DomainEvent
{
    public ActivityRecord ToActivity(IReadOnlyDictionary<string, object?> supports) => new(EventTypes.MilestoneStatusChanged, Milestone.ProjectId, Milestone.Id, null,
        new Dictionary<string, object?> { ["from"] = From, ["to"] = To, ["supports"] = supports });
}
