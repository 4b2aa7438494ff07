using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record ProjectDeleted(Project Project) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.ProjectDeleted, Project.Id, null, null, new Dictionary<string, object?>());
}
