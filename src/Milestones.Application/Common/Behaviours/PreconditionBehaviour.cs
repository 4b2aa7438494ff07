using Milestones.Application.Common.Serialization;

namespace Milestones.Application.Common.Behaviours;

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
                throw new PreconditionFailedException();
            }
        }

        return await next(message, cancellationToken);
    }
}
