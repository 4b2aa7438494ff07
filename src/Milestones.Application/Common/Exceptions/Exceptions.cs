namespace Milestones.Application.Common.Exceptions;

// One failure strategy: handlers throw these, and one exception handler in the API maps each to
// an RFC 9457 problem response. Domain rule violations (DomainException) map to 409.

/// <summary>404: no such resource, or one the caller may not know exists.</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} {key} was not found.");

/// <summary>401: the call needs a valid API key.</summary>
public sealed class UnauthorizedException(string message = "This call needs an API key.")
    : Exception(message);

/// <summary>403: authenticated, but the key's scope or the caller's role is not enough.</summary>
public sealed class ForbiddenAccessException(string message) : Exception(message);

/// <summary>409: the request conflicts with the current state (duplicate title, last admin…).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>412: the command expected a version of the resource that is no longer current.</summary>
public sealed class PreconditionFailedException(string currentVersion)
    : Exception("The resource has changed since you read it (If-Match does not match its current ETag); fetch it again and retry.")
{
    public string CurrentVersion { get; } = currentVersion;
}

/// <summary>422: the request is well-formed but its values are not acceptable.</summary>
public sealed class ValidationFailedException : Exception
{
    public ValidationFailedException(IDictionary<string, string[]> errors)
        : base(Describe(errors))
    {
        Errors = new Dictionary<string, string[]>(errors);
    }

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    private static string Describe(IDictionary<string, string[]> errors) =>
        errors.Count == 0
            ? "One or more validation errors occurred."
            : string.Join(" ", errors.SelectMany(e => e.Value));
}

public static class NotFoundExtensions
{
    /// <summary>The looked-up resource, or 404 when it is gone (for instance deleted by a concurrent request since the access check).</summary>
    public static async Task<T> OrNotFound<T>(this Task<T?> lookup, string resource, object key)
        where T : class =>
        await lookup ?? throw new NotFoundException(resource, key);
}
