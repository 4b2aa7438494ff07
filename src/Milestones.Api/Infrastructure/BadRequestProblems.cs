using Microsoft.AspNetCore.Mvc;
using Milestones.Application.Common.Serialization;

namespace Milestones.Api.Infrastructure;

/// <summary>Malformed JSON, a value of the wrong JSON type, or an unknown property: 400, naming where.</summary>
public static class BadRequestProblems
{
    public static IActionResult FromModelState(ActionContext context)
    {
        var errors = context.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .GroupBy(e => Key(e.Key))
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(e => e.Value!.Errors).Select(x => Message(g.Key, x.ErrorMessage)).Distinct().ToArray());

        // The "body is required" entry only repeats that the body could not be read; keep the cause.
        if (errors.Count > 1)
        {
            errors.Remove("body");
        }

        var detail = errors.Count == 0
            ? "The request is malformed."
            : "The request is malformed: " + string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));

        var problem = new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Bad request",
            Detail = detail,
            Type = ProblemResponses.TypeFor(400),
            Instance = context.HttpContext.Request.Path,
        };
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        return new ObjectResult(problem) { StatusCode = 400, ContentTypes = { "application/problem+json" } };
    }

    private static string Message(string key, string message) =>
        string.IsNullOrEmpty(message) ? "The value is not valid."
        : message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) ? $"'{key}' is not a property of this request."
        : message.Contains("non-empty request body is required", StringComparison.Ordinal) || message.EndsWith("field is required.", StringComparison.Ordinal)
            ? "A JSON request body is required."
        : message;

    private static string Key(string key)
    {
        var trimmed = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
        return trimmed is "$" or "" or "body" ? "body" : JsonNames.PropertyPath(trimmed);
    }
}
