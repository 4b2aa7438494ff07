using Microsoft.Extensions.Logging;

namespace Milestones.Application.Common.Behaviours;

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
