using System.Diagnostics;

namespace Milestones.Application.Common.Behaviours;

/// <summary>One span per command or query, named after it, around the whole pipeline; a failure marks it as an error with the exception's type.</summary>
public sealed class TracingBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Telemetry.Source.StartActivity(typeof(TMessage).Name);
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }
}
