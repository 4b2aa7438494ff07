namespace Milestones.Application.Common.Exceptions;

public static class NotFoundExtensions
{
    /// <summary>The looked-up resource, or 404 when it is gone (for instance deleted by a concurrent request since the access check).</summary>
    public static async Task<T> OrNotFound<T>(this Task<T?> lookup, string resource, object key)
        where T : class =>
        await lookup ?? throw new NotFoundException(resource, key);
}
