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

    // The body's own fields, and those of the objects in its lists (`tasks[].completed`), one level down.
    private static string[] FieldsOf(Type type) => [.. FieldsOf(type, nested: true)];

    private static IEnumerable<string> FieldsOf(Type type, bool nested)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (DisallowsNull(property))
            {
                yield return name;
            }

            if (nested && ElementOf(property.PropertyType) is { } element)
            {
                foreach (var field in FieldsOf(element, nested: false))
                {
                    yield return $"{name}[].{field}";
                }
            }
        }
    }

    private static Type? ElementOf(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(IEnumerable<>).MakeGenericType(item).IsAssignableFrom(type) && item.IsClass && item != typeof(string) ? item
        : null;

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
        return document.RootElement.ValueKind != JsonValueKind.Object ? [] : fields.SelectMany(f => NullsAt(document.RootElement, f)).ToList();
    }

    // Where `field` (`title`, or `tasks[].completed`) was sent as null: its JSON paths (`tasks[2].completed`).
    private static IEnumerable<string> NullsAt(JsonElement body, string field)
    {
        var list = field.IndexOf("[].", StringComparison.Ordinal);
        if (list < 0)
        {
            return body.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Null ? [field] : [];
        }

        var (name, inner) = (field[..list], field[(list + 3)..]);
        return body.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray()
                .Select((item, i) => (item, i))
                .Where(x => x.item.ValueKind == JsonValueKind.Object && x.item.TryGetProperty(inner, out var v) && v.ValueKind == JsonValueKind.Null)
                .Select(x => $"{name}[{x.i}].{inner}")
                .ToList()
            : [];
    }
}
