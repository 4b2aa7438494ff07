namespace Milestones.Application.Common.Validation;

/// <summary>The validators' one way to judge money: above 0, at most a bound, at most 2 decimals (judged on the number as written).</summary>
public static class ValueRules
{
    /// <summary>Money for <paramref name="field"/> (null passes): its range, then its decimals, each failure in its own words.</summary>
    public static IRuleBuilderOptions<T, decimal?> MoneyAmount<T>(this IRuleBuilder<T, decimal?> rule, string field, decimal max) =>
        rule.SetValidator(new MoneyRange<T>(field, max))
            .Must(v => v is null || v > max || Money.HasAtMostTwoDecimals(v.Value)).WithMessage(Money.TooManyDecimals(field));
}

/// <summary>A collection's most items, stated so the OpenAPI document says it too (<c>maxItems</c>).</summary>
public interface IMaxItemsValidator
{
    int MaxItems { get; }
}

/// <summary>At most <paramref name="max"/> items (null passes).</summary>
public sealed class MaxItemsOf<T, TItem>(int max) : FluentValidation.Validators.PropertyValidator<T, IReadOnlyList<TItem>?>, IMaxItemsValidator
{
    public override string Name => "MaxItemsValidator";

    public int MaxItems => max;

    public override bool IsValid(ValidationContext<T> context, IReadOnlyList<TItem>? value) => value is null || value.Count <= max;
}

/// <summary>
/// Money above 0 and at most <paramref name="max"/> (null passes), each failure in its own words; a
/// between-validator, so the document states <c>minimum: 0.01</c> (the smallest amount with 2 decimals) and <c>maximum</c>.
/// </summary>
public sealed class MoneyRange<T>(string field, decimal max) : FluentValidation.Validators.PropertyValidator<T, decimal?>, FluentValidation.Validators.IBetweenValidator
{
    public override string Name => "MoneyRangeValidator";

    public object From => 0.01m;

    public object To => max;

    public override bool IsValid(ValidationContext<T> context, decimal? value)
    {
        var failure = value switch
        {
            <= 0 => $"{field} must be greater than 0.",
            { } v when v > max => $"{field} must be at most {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}.",
            _ => null,
        };
        if (failure is not null)
        {
            context.AddFailure(context.PropertyPath, failure);
        }

        return true;
    }
}
