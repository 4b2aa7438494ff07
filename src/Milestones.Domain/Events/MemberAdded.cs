using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Domain.Events;

public sealed record MemberAdded(Project Project, long UserId, ProjectRole Role) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.MemberAdded, Project.Id, null, null,
        new Dictionary<string, object?> { ["userId"] = UserId, ["role"] = Role });
}
