namespace Milestones.Application.Common.Exceptions;

/// <summary>403: authenticated, but the key's scope or the caller's role is not enough.</summary>
public sealed class ForbiddenAccessException(string message) : Exception(message);
