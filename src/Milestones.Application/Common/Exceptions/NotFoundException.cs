namespace Milestones.Application.Common.Exceptions;

// One failure strategy: handlers throw these, and one exception handler in the API maps each to
// an RFC 9457 problem response. Domain rule violations (DomainException) map to 409.

/// <summary>404: no such resource, or one the caller may not know exists.</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} {key} was not found.")
{
    /// <summary>What was looked for ("Project", "Milestone"…), so an edge can word the 404 its own way.</summary>
    public string Resource { get; } = resource;
}
