using Mediator;

namespace Milestones.Domain.Common;

/// <summary>
/// Created/updated timestamps, written by the auditing interceptor. A factory whose other fields
/// depend on the creation instant (a milestone created as reached) states that instant itself
/// with <see cref="CreatedAtInstant"/>, and the interceptor keeps it.
/// </summary>
public abstract class AuditableEntity : BaseEntity
{
    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    protected void CreatedAtInstant(DateTime now) => CreatedAt = UpdatedAt = now;
}
