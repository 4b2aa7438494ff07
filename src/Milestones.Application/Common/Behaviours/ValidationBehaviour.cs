using Milestones.Application.Common.Serialization;

namespace Milestones.Application.Common.Behaviours;

/// <summary>
/// FluentValidation's failures and the values the edge could not read (<see cref="IInputErrors"/>),
/// reported together as one 422. A field the edge could not read is reported with the edge's words
/// only: the validators saw it as missing, which would only repeat the same failure ("role must be one
/// of …" and then "role is required").
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators, IInputErrors input)
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

        if (failures.Count > 0 || input.Errors.Count > 0)
        {
            var errors = input.Errors
                .SelectMany(e => e.Value.Select(m => (Field: e.Key, Message: m)))
                .Concat(failures.Select(f => (Field: JsonNames.PropertyPath(f.PropertyName), Message: f.ErrorMessage)).Where(f => !input.Errors.ContainsKey(f.Field)))
                .GroupBy(f => f.Field, f => f.Message)
                .ToDictionary(g => g.Key, g => g.Distinct().ToArray());
            throw new ValidationFailedException(errors);
        }

        return await next(message, cancellationToken);
    }
}
