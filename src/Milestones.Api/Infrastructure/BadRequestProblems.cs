using Microsoft.AspNetCore.Mvc;
using Milestones.Application.Common.Serialization;

namespace Milestones.Api.Infrastructure;

/// <summary>Malformed JSON, a value of the wrong JSON type, or an unknown property: 400, naming where.</summary>
public static partial class BadRequestProblems
{
    public static IActionResult FromModelState(ActionContext context)
    {
        var errors = context.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .GroupBy(e => Key(e.Key))
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(e => e.Value!.Errors).Select(x => Message(g.Key, x.ErrorMessage, context)).Distinct().ToArray());

        // The "body is required" entry only repeats that the body could not be read; keep the cause.
        if (errors.Count > 1)
        {
            errors.Remove("body");
        }
        else if (errors.TryGetValue("body", out var body) && body.Length > 1)
        {
            errors["body"] = body.Where(m => m != BodyRequired).ToArray();
        }

        var detail = errors.Count == 0
            ? "The request is malformed."
            : "The request is malformed: " + string.Join(" ", errors.SelectMany(e => e.Value.Select(m => m.StartsWith(e.Key + " ", StringComparison.Ordinal) ? m : $"{e.Key}: {m}")));

        return ProblemResponses.Result(context.HttpContext, StatusCodes.Status400BadRequest, detail, errors);
    }

    private const string BodyRequired = "A JSON request body is required.";

    private static string Message(string key, string message, ActionContext context)
    {
        if (string.IsNullOrEmpty(message))
        {
            return "The value is not valid.";
        }

        if (message.StartsWith(key + " must be", StringComparison.Ordinal))
        {
            return message; // the edge's binders speak the contract's words already, and name the parameter
        }

        if (message.EndsWith(UtcDateTimeConverter.Expected + ".", StringComparison.Ordinal))
        {
            return message; // the date converter's own words: what was sent, and what a date looks like
        }

        if (message.Contains("trailing comma", StringComparison.Ordinal))
        {
            return "The JSON has a comma after its last property or item; remove it.";
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return $"'{key}' is not a property of this request; property names are case-sensitive camelCase.";
        }

        if (message.Contains("non-empty request body is required", StringComparison.Ordinal) || message.EndsWith("field is required.", StringComparison.Ordinal))
        {
            return BodyRequired;
        }

        if (message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return $"'{key}' appears more than once; send each property once.";
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return $"The JSON is nested deeper than {JsonDefaults.MaxDepth} levels.";
        }

        var converted = ConvertedTo().Match(message);
        if (converted.Success)
        {
            var type = TypeAt(context, key);
            return key == "body" ? "The body must be a JSON object."
                : type is { IsEnum: true } ? $"Expected a string, one of: {Application.Common.Models.EnumValues.AllowedOf(type)}."
                : $"Expected {Describe(type?.FullName ?? converted.Groups["type"].Value)}.";
        }

        // The reader's own words (unexpected end, invalid token...) name no .NET type; its position suffix goes.
        var position = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var text = (position >= 0 ? message[..position] : message).Replace(" Change the reader options.", "", StringComparison.Ordinal);
        return text.Contains("System.", StringComparison.Ordinal) || text.Contains("Milestones.", StringComparison.Ordinal)
            ? "The value is not valid JSON for this field."
            : "The body is not valid JSON: " + text;
    }

    /// <summary>The .NET type the body declares at a JSON path such as <c>tasks[0].title</c> (null when unknown).</summary>
    private static Type? TypeAt(ActionContext context, string path)
    {
        var type = context.ActionDescriptor.Parameters.FirstOrDefault(p => p.BindingInfo?.BindingSource == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body)?.ParameterType;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.Split('[')[0];
            var property = type?.GetProperties().FirstOrDefault(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name) == name);
            type = property is null ? null : Unwrap(property.PropertyType);
            if (segment.Contains('[', StringComparison.Ordinal) && type is not null)
            {
                type = Unwrap(type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? type);
            }
        }

        return type;
    }

    private static Type Unwrap(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? inner
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Milestones.Domain.Common.Optional<>) ? Unwrap(type.GetGenericArguments()[0])
        : type;

    /// <summary>What a JSON value for a .NET type looks like, in the contract's words.</summary>
    private static string Describe(string type) =>
        type.Contains("DateTime", StringComparison.Ordinal) ? UtcDateTimeConverter.Expected
        : type.Contains("Decimal", StringComparison.Ordinal) ? "a number"
        : type.Contains("Int32", StringComparison.Ordinal) ? "a whole number from -2147483648 to 2147483647"
        : type.Contains("Int64", StringComparison.Ordinal) ? "a whole number that fits 64 bits"
        : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
        : type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) ? "an array"
        : type.Contains("String", StringComparison.Ordinal) ? "a string"
        : "a JSON object";

    [System.Text.RegularExpressions.GeneratedRegex(@"could not be converted to (?<type>\S+?)\. Path")]
    private static partial System.Text.RegularExpressions.Regex ConvertedTo();

    /// <summary>A JSON path (<c>$.tasks[0].title</c>) is already in the client's spelling; a binding name is camel-cased.</summary>
    private static string Key(string key) =>
        key.StartsWith("$.", StringComparison.Ordinal) ? key[2..]
        : key is "$" or "" or "body" ? "body"
        : JsonNames.PropertyPath(key);
}
