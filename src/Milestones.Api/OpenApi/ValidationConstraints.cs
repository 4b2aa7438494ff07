using System.Globalization;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;

namespace Milestones.Api.OpenApi;

/// <summary>
/// Lengths, ranges and patterns in the document come from the FluentValidation rules themselves: a
/// request body's properties take the constraints of the command it becomes (the one its
/// <c>ToCommand</c> returns, as <c>NewMilestone</c> → <c>CreateMilestoneCommand</c>; the command holding
/// the body; or the command named after it, as <c>CreateProjectRequest</c> → <c>CreateProjectCommand</c>). Rules written as free predicates say
/// nothing here; the 422 still enforces them.
/// </summary>
internal static class ValidationConstraints
{
    private static readonly Type[] Messages = typeof(Application.DependencyInjection).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(Mediator.IMessage).IsAssignableFrom(t))
        .ToArray();

    public static void Apply(OpenApiSchema schema, Type body, IServiceProvider services)
    {
        if (schema.Properties is not { Count: > 0 } properties || CommandFor(body) is not { } command
            || services.GetService(typeof(IEnumerable<>).MakeGenericType(typeof(IValidator<>).MakeGenericType(command))) is not IEnumerable<object> validators)
        {
            return;
        }

        foreach (var validator in validators.OfType<IValidator>())
        {
            foreach (var member in validator.CreateDescriptor().GetMembersWithValidators())
            {
                if (!properties.TryGetValue(member.Key, out var found) || found is not OpenApiSchema property)
                {
                    continue;
                }

                foreach (var (component, _) in member)
                {
                    Describe(property, component);
                }
            }
        }
    }

    private static Type? CommandFor(Type body) =>
        body.GetMethod("ToCommand")?.ReturnType
        ?? Messages.FirstOrDefault(m => m.GetProperties().Any(p => p.PropertyType == body))
        ?? Messages.FirstOrDefault(m => m.Name == body.Name.Replace("Request", "Command", StringComparison.Ordinal));

    private static void Describe(OpenApiSchema property, IPropertyValidator component)
    {
        switch (component)
        {
            case ILengthValidator length:
                if (length.Max > 0)
                {
                    property.MaxLength = length.Max;
                }

                if (length.Min > 0)
                {
                    property.MinLength = length.Min;
                }

                break;
            case INotEmptyValidator when property.Type?.HasFlag(JsonSchemaType.String) == true:
                property.MinLength ??= 1;
                break;
            case IBetweenValidator between:
                property.Minimum = Number(between.From);
                property.Maximum = Number(between.To);
                break;
            case IComparisonValidator { Comparison: Comparison.GreaterThanOrEqual } min:
                property.Minimum = Number(min.ValueToCompare);
                break;
            case IComparisonValidator { Comparison: Comparison.LessThanOrEqual } max:
                property.Maximum = Number(max.ValueToCompare);
                break;
            case IRegularExpressionValidator pattern:
                property.Pattern = pattern.Expression;
                break;
            case Application.Common.Validation.IMaxItemsValidator items:
                property.MaxItems = items.MaxItems;
                break;
        }
    }

    private static string? Number(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
