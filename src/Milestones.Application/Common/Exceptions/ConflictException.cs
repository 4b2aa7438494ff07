namespace Milestones.Application.Common.Exceptions;

/// <summary>409: the request conflicts with the current state (duplicate title, last admin…).</summary>
public sealed class ConflictException(string message) : Exception(message);
