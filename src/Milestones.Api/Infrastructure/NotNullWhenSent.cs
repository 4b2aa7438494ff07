using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Milestones.Application.Common.Serialization;

namespace Milestones.Api.Infrastructure;

/// <summary>A PATCH field that may be left out but not cleared: sending it as <c>null</c> is 422 naming it (SPEC 5).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotNullWhenSentAttribute : Attribute;

/// <summary>
/// After binding, when null and absent have become the same, reads the (already buffered) body once
/// more for the fields marked <see cref="NotNullWhenSentAttribute"/> that were sent as <c>null</c>.
/// </summary>
public sealed class NotNullWhenSentFilter : IAsyncActionFilter
{
    private static readonly ConcurrentDictionary<Type, string[]> Fields = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var bodyType = context.ActionDescriptor.Parameters
            .FirstOrDefault(p => p.BindingInfo?.BindingSource == BindingSource.Body)?.ParameterType;
        var fields = bodyType is null ? [] : Fields.GetOrAdd(bodyType, FieldsOf);
        if (fields.Length > 0 && await SentAsNullAsync(context.HttpContext.Request, fields) is { Count: > 0 } nulls)
        {
            var errors = nulls.ToDictionary(f => f, f => new[] { $"{f} cannot be null; leave it out to keep the current value (or its default)." });
            context.Result = ProblemResponses.Result(context.HttpContext, StatusCodes.Status422UnprocessableEntity, string.Join(" ", errors.Values.SelectMany(v => v)), errors);
            return;
        }

        await next();
    }

    private static string[] FieldsOf(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<NotNullWhenSentAttribute>() is not null)
        .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
        .ToArray();

    private static async Task<List<string>> SentAsNullAsync(HttpRequest request, string[] fields)
    {
        // Most bodies hold no null at all: then there is nothing to look for, and no second parse.
        if (request.Body is not MemoryStream buffered || !buffered.TryGetBuffer(out var bytes) || bytes.AsSpan().IndexOf("null"u8) < 0)
        {
            return [];
        }

        request.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = JsonDefaults.MaxDepth });
        request.Body.Position = 0;
        return document.RootElement.ValueKind != JsonValueKind.Object ? []
            : fields.Where(f => document.RootElement.TryGetProperty(f, out var value) && value.ValueKind == JsonValueKind.Null).ToList();
    }
}
