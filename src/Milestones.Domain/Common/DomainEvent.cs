using Mediator;

namespace Milestones.Domain.Common;

/// <summary>Something that happened in the domain. Dispatched after the change is saved, inside its transaction.</summary>
public abstract record DomainEvent : INotification;
