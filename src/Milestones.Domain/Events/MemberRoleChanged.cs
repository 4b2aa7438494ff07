using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Domain.Events;

public sealed record MemberRoleChanged(Project Project, long UserId, ProjectRole From, ProjectRole To) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.MemberRoleChanged, Project.Id, null, null,
        new Dictionary<string, object?> { ["userId"] = UserId, ["from"] = From, ["to"] = To });
}
