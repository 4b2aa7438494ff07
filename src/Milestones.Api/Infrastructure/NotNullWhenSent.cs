using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Milestones.Application.Common.Serialization;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// A body field marked <see cref="DisallowNullAttribute"/> may be left out (its default applies, or
/// a PATCH leaves it alone) but not sent as <c>null</c>. After binding, when null and absent have
/// become the same, this reads the (already buffered) body once more for such fields sent as null,
/// and notes each for the 422 (SPEC 5), which validation reports after authorization.
/// </summary>
public sealed class NotNullWhenSentFilter : IAsyncActionFilter
{
    private static readonly ConcurrentDictionary<Type, string[]> Fields = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var bodyType = context.ActionDescriptor.Parameters
            .FirstOrDefault(p => p.BindingInfo?.BindingSource == BindingSource.Body)?.ParameterType;
        var fields = bodyType is null ? [] : Fields.GetOrAdd(bodyType, FieldsOf);
        if (fields.Length > 0)
        {
            var errors = EdgeInputErrors.Of(context.HttpContext);
            foreach (var field in await SentAsNullAsync(context.HttpContext.Request, fields))
            {
                errors.Add(field, $"{field} cannot be null; leave it out to keep the current value (or its default).");
            }
        }

        await next();
    }

    /// <summary>
    /// Whether <see cref="DisallowNullAttribute"/> marks the property. The compiler puts it on the
    /// setter's value, where <see cref="NullabilityInfoContext"/> reads it as the write state.
    /// </summary>
    public static bool DisallowsNull(PropertyInfo property)
    {
        if (property.SetMethod is null)
        {
            return false;
        }

        var nullability = new NullabilityInfoContext().Create(property);
        return nullability is { ReadState: NullabilityState.Nullable, WriteState: NullabilityState.NotNull };
    }

    private static string[] FieldsOf(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(DisallowsNull)
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
