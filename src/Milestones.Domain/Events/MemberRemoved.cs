using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record MemberRemoved(Project Project, long UserId) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.MemberRemoved, Project.Id, null, null,
        new Dictionary<string, object?> { ["userId"] = UserId });
}
