using System.Globalization;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;

namespace Milestones.Api.OpenApi;

/// <summary>
/// Lengths, ranges and patterns in the document come from the FluentValidation rules themselves: a
/// request body's properties take the constraints of the command it becomes (the one its
/// <c>ToCommand</c> returns, as <c>NewMilestone</c> → <c>CreateMilestoneCommand</c>; the command holding
/// the body; or the command named after it, as <c>CreateProjectRequest</c> → <c>CreateProjectCommand</c>). A query-string
/// parameter takes the constraints of the query properties of that name (<c>limit</c>, <c>search</c>, <c>users</c>…) in the
/// validators of the list queries, which are the same for every list. Rules written as free predicates say nothing
/// here; the 422 still enforces them.
/// </summary>
internal static class ValidationConstraints
{
    private static readonly Type[] Messages = typeof(Application.DependencyInjection).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(Mediator.IMessage).IsAssignableFrom(t))
        .ToArray();

    public static void Apply(OpenApiSchema schema, Type body, IServiceProvider services)
    {
        if (schema.Properties is not { Count: > 0 } properties || CommandFor(body) is not { } command)
        {
            return;
        }

        foreach (var (path, component) in ValidatorsOf(command, services).SelectMany(Rules))
        {
            if (properties.TryGetValue(path, out var found) && found is OpenApiSchema property)
            {
                Describe(property, component);
            }
        }
    }

    /// <summary>A query-string parameter: the constraints its namesake has in the queries' validators.</summary>
    public static void Apply(OpenApiParameter parameter, IServiceProvider services)
    {
        if (parameter is { In: ParameterLocation.Query, Name: { } name, Schema: OpenApiSchema schema }
            && QueryRules(services).TryGetValue(name, out var components))
        {
            foreach (var component in components)
            {
                Describe(schema, component);
            }
        }
    }

    private static Dictionary<string, List<IPropertyValidator>>? _queryRules;

    /// <summary>Each query property's rules, by its name in the query string (the last part of its path, camel-cased).</summary>
    internal static Dictionary<string, List<IPropertyValidator>> QueryRules(IServiceProvider services) => _queryRules ??= Messages
        .Where(m => m.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Mediator.IQuery<>)))
        .SelectMany(m => ValidatorsOf(m, services))
        .SelectMany(Rules)
        .GroupBy(rule => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(rule.Path.Split('.')[^1]), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(rule => rule.Component).ToList(), StringComparer.Ordinal);

    /// <summary>The validators the container holds for a command or query.</summary>
    private static IEnumerable<IValidator> ValidatorsOf(Type message, IServiceProvider services) =>
        (services.GetService(typeof(IEnumerable<>).MakeGenericType(typeof(IValidator<>).MakeGenericType(message))) as IEnumerable<object> ?? []).OfType<IValidator>();

    /// <summary>A validator's rules by property path, with those of the validators it includes (the paging rules).</summary>
    private static IEnumerable<(string Path, IPropertyValidator Component)> Rules(IValidator validator) =>
        validator.CreateDescriptor().GetMembersWithValidators().SelectMany(member => string.IsNullOrEmpty(member.Key)
            ? member.Select(c => c.Validator).OfType<IChildValidatorAdaptor>()
                .Where(included => included.ValidatorType.GetConstructor(Type.EmptyTypes) is not null)
                .SelectMany(included => Rules((IValidator)Activator.CreateInstance(included.ValidatorType)!))
            : member.Select(c => (member.Key, c.Validator)));

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
            case IComparisonValidator { Comparison: Comparison.GreaterThan, ValueToCompare: int or long } above:
                property.Minimum = Number(Convert.ToInt64(above.ValueToCompare, CultureInfo.InvariantCulture) + 1); // whole numbers: more than n is n + 1 or more
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
