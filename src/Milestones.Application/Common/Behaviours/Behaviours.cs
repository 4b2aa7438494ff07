using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Milestones.Application.Common.Serialization;
namespace Milestones.Application.Common.Behaviours;

// The pipeline, outermost first (registered in this order in AddMediator):
//   1. LoggingBehaviour             – names the request at Debug level (failures are logged once, at the edge)
//   2. AuthorizationBehaviour       – API-key scope, global admin, then project visibility (404) and role (403)
//   3. ValidationBehaviour          – every FluentValidation validator of the message (422)
//   4. PerformanceBehaviour         – warns about slow requests
//   5. TransactionBehaviour         – commands run in one transaction with all their side effects
//   6. PreconditionBehaviour        – the expected version (If-Match), checked inside that transaction

/// <summary>
/// Names each request in the log at Debug level. Failures are not logged here: the edge that
/// started the request (the HTTP exception handler, a hosted service) logs each one once.
/// </summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<TMessage> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Handling {Name}", typeof(TMessage).Name);
        }

        return next(message, cancellationToken);
    }
}

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

public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TMessage>(message), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            var errors = failures
                .GroupBy(f => JsonNames.PropertyPath(f.PropertyName), f => f.ErrorMessage)
                .ToDictionary(g => g.Key, g => g.Distinct().ToArray());
            throw new ValidationFailedException(errors);
        }

        return await next(message, cancellationToken);
    }
}

public sealed class PerformanceBehaviour<TMessage, TResponse>(ILogger<TMessage> logger) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed > Threshold)
        {
            logger.LogWarning("Slow request {Name}: {Elapsed} ms", typeof(TMessage).Name, (long)elapsed.TotalMilliseconds);
        }

        return response;
    }
}

/// <summary>A command and every side effect of it (counters, events, reassignment) commit together or not at all.</summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(IApplicationDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}

/// <summary>
/// A command that may be made conditional on the version of the resource the client last read
/// (the Api reads it from <c>If-Match</c>); it names the query whose result is the current representation.
/// </summary>
public interface IConditionalCommand
{
    /// <summary>Versions the client accepts (any one may be current); null when the command is unconditional.</summary>
    IReadOnlyList<string>? ExpectedVersions { get; }

    IMessage CurrentRepresentationQuery();
}

/// <summary>The current version must be one the client expects (checked inside the command's transaction): else 412.</summary>
public sealed class PreconditionBehaviour<TMessage, TResponse>(ISender sender) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand, IConditionalCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message.ExpectedVersions is { } expected)
        {
            var current = Versions.Of(await sender.Send(message.CurrentRepresentationQuery(), cancellationToken));
            if (!expected.Contains(current, StringComparer.Ordinal))
            {
                throw new PreconditionFailedException(current);
            }
        }

        return await next(message, cancellationToken);
    }
}
