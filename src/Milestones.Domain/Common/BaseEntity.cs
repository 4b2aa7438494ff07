using Mediator;

namespace Milestones.Domain.Common;

/// <summary>An entity with a 64-bit identity that can raise domain events.</summary>
public abstract class BaseEntity
{
    private readonly List<DomainEvent> _domainEvents = [];

    public long Id { get; protected set; }

    public IReadOnlyCollection<DomainEvent> DomainEvents => _domainEvents.AsReadOnly();

    protected void Raise(DomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}

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

/// <summary>Something that happened in the domain. Dispatched after the change is saved, inside its transaction.</summary>
public abstract record DomainEvent : INotification;

/// <summary>A domain event that is also written to the project's activity log.</summary>
public interface IActivityEvent : INotification
{
    ActivityRecord ToActivity();
}

/// <summary>What the activity log keeps of an event. <see cref="Data"/> is serialised as a JSON object.</summary>
public sealed record ActivityRecord(
    string Type,
    long ProjectId,
    long? MilestoneId,
    long? TaskId,
    IReadOnlyDictionary<string, object?> Data);
