using Milestones.Application.Common.Serialization;

namespace Milestones.Application.Common.Behaviours;

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
