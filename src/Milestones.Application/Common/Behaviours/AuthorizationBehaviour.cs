using System.Collections.Concurrent;
using System.Reflection;

namespace Milestones.Application.Common.Behaviours;

/// <summary>
/// Who may send this: the key's scope and global-admin flag, then, for a request inside a project,
/// the project's visibility (404) and the caller's role (403), all before validation (SPEC 4's order).
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(IUser user, ProjectAccess access) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly ConcurrentDictionary<Type, RequiresScopeAttribute?> Attributes = new();
    private static readonly ConcurrentDictionary<Type, bool> SystemOnly = new();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (SystemOnly.GetOrAdd(message.GetType(), t => t.GetCustomAttribute<SystemOnlyAttribute>() is not null))
        {
            return user.IsSystem
                ? await next(message, cancellationToken)
                : throw new ForbiddenAccessException("This operation is reserved to the service itself.");
        }

        var requirement = Attributes.GetOrAdd(message.GetType(), t => t.GetCustomAttribute<RequiresScopeAttribute>());

        if (!user.IsAuthenticated && requirement is not { AllowAnonymous: true })
        {
            throw new UnauthorizedException();
        }

        if (user.IsAuthenticated && requirement is not null && !user.HasScope(requirement.Scope))
        {
            throw new ForbiddenAccessException($"This API key lacks the '{requirement.Scope}' scope.");
        }

        if (user.IsAuthenticated && requirement is { GlobalAdmin: true } && !user.IsAdmin)
        {
            throw new ForbiddenAccessException("Only global administrators can do this.");
        }

        if (message is IProjectRequest inProject)
        {
            await inProject.AuthorizeAsync(access, cancellationToken);
        }

        return await next(message, cancellationToken);
    }
}
