using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record SupportWithdrawn(Support Support) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.SupportWithdrawn, Support.ProjectId, Support.MilestoneId, null,
        new Dictionary<string, object?> { ["supportId"] = Support.Id, ["supporterId"] = Support.SupporterId, ["amount"] = Support.Amount });
}
