using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record SupportPledged(Support Support) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.SupportPledged, Support.ProjectId, Support.MilestoneId, null,
        new Dictionary<string, object?> { ["supportId"] = Support.Id, ["supporterId"] = Support.SupporterId, ["amount"] = Support.Amount });
}
