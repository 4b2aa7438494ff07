using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.Extensions.Options;

namespace Milestones.Api.Compat;

/// <summary>
/// A form body (<c>application/x-www-form-urlencoded</c>), read as the JSON object it stands for and
/// then exactly as a JSON body: the same converters, the same 400 for an unknown or repeated field,
/// the same 422s. Only for a dialect whose seed sends forms (<see cref="CompatDialect.AcceptsForms"/>);
/// everywhere else a form is 415 as before. A field named <c>name[]</c> is the array <c>name</c>; a
/// field whose property is a number is written as a number when it reads as one (otherwise it stays
/// text, and the JSON reader names it).
/// </summary>
public sealed partial class FormBodyInputFormatter : TextInputFormatter
{
    public const string MediaType = "application/x-www-form-urlencoded";

    public FormBodyInputFormatter()
    {
        SupportedMediaTypes.Add(MediaType);
        SupportedEncodings.Add(System.Text.Encoding.UTF8);
    }

    public override bool CanRead(InputFormatterContext context) =>
        CompatDialect.Of(context.HttpContext) is { AcceptsForms: true } && base.CanRead(context);

    public override async Task<InputFormatterResult> ReadRequestBodyAsync(InputFormatterContext context, System.Text.Encoding encoding)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        var form = await context.HttpContext.Request.ReadFormAsync(context.HttpContext.RequestAborted);
        var info = options.GetTypeInfo(context.ModelType);
        var json = new JsonObject();
        foreach (var (key, values) in form)
        {
            var name = key.EndsWith("[]", StringComparison.Ordinal) ? key[..^2] : key;
            var property = info.Properties.FirstOrDefault(p => p.Name == name);
            var propertyType = property is null ? typeof(string) : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var elementType = propertyType.IsArray ? propertyType.GetElementType()! : propertyType;
            if (key.EndsWith("[]", StringComparison.Ordinal) || propertyType.IsArray)
            {
                json[name] = new JsonArray(values.Select(v => Value(v ?? "", elementType)).ToArray());
            }
            else if (values.Count > 1)
            {
                context.ModelState.TryAddModelError($"$.{name}", "Duplicate property"); // worded as a repeated JSON property is
                return await InputFormatterResult.FailureAsync();
            }
            else
            {
                json[name] = Value(values[0] ?? "", elementType);
            }
        }

        try
        {
            return await InputFormatterResult.SuccessAsync(json.Deserialize(info));
        }
        catch (JsonException e)
        {
            // The JSON reader's own failure, worded by the edge exactly as for a JSON body (BadRequestProblems).
            context.ModelState.TryAddModelError(e.Path ?? "$", e.Message);
            return await InputFormatterResult.FailureAsync();
        }
    }

    private static JsonNode? Value(string text, Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        var numeric = inner == typeof(int) || inner == typeof(long) || inner == typeof(decimal) || inner == typeof(double);
        return numeric && PlainNumber().IsMatch(text)
            ? JsonNode.Parse(text)
            : inner == typeof(bool) && text is "true" or "false" ? JsonValue.Create(text == "true") : JsonValue.Create(text);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?[0-9]{1,30}(\.[0-9]{1,30})?$")]
    private static partial System.Text.RegularExpressions.Regex PlainNumber();
}
