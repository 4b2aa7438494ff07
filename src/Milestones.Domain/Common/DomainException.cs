namespace Milestones.Domain.Common;

/// <summary>
/// A rule of the domain forbids the change in the entity's current state (HTTP 409).
/// </summary>
public class DomainException(string message) : Exception(message);
