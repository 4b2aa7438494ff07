namespace Milestones.Application.Common.Exceptions;

/// <summary>401: the call needs a valid API key.</summary>
public sealed class UnauthorizedException(string message = "This call needs an API key.")
    : Exception(message);
