using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Domain.Events;

// Events keep a reference to their entity so that identities assigned on save are read when the
// event is dispatched (after SaveChanges, inside the same transaction). Values that can change
// later in the same unit of work are captured when the event is raised.

public sealed record ProjectCreated(Project Project) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.ProjectCreated, Project.Id, null, null,
        new Dictionary<string, object?> { ["name"] = Project.Name, ["visibility"] = Project.Visibility });
}
