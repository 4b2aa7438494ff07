using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record ProjectUpdated(Project Project, IReadOnlyDictionary<string, object?> Changes) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.ProjectUpdated, Project.Id, null, null, Changes);
}
