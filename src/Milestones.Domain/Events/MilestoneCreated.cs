using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Domain.Events;

/// <summary>A milestone arrived in its project's list; <paramref name="Displaces"/> when milestones already held its position.</summary>
public sealed record MilestoneCreated(Milestone Milestone, MilestoneStatus Status, bool Displaces = false) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.MilestoneCreated, Milestone.ProjectId, Milestone.Id, null,
        new Dictionary<string, object?> { ["title"] = Milestone.Title, ["status"] = Status });
}
