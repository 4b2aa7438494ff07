using Milestones.Domain.Common;

namespace Milestones.Domain.Events;

public sealed record MilestonesReordered(long ProjectId, IReadOnlyList<long> MilestoneIds) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.MilestonesReordered, ProjectId, null, null,
        new Dictionary<string, object?> { ["milestoneIds"] = MilestoneIds });
}
