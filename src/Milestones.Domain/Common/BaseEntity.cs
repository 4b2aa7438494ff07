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
