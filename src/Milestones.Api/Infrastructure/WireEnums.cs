using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Milestones.Application.Common.Interfaces;
using Milestones.Application.Common.Models;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// The request's unreadable values (see <see cref="IInputErrors"/>): noted by the edge, reported by
/// the validation behaviour after authorization.
/// </summary>
public sealed class EdgeInputErrors : IInputErrors
{
    private readonly Dictionary<string, string[]> _errors = [];

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public static EdgeInputErrors Of(HttpContext context) => context.RequestServices.GetRequiredService<EdgeInputErrors>();

    public static string NotOneOf<TEnum>(string field)
        where TEnum : struct, Enum => $"{field} must be one of: {EnumValues<TEnum>.Allowed}.";
}

/// <summary>
/// Wire strings become enums here, at the edge: a body property or a query parameter typed as an
/// enum reads exactly one of its wire names. Anything else leaves the value unset and is noted for
/// the 422, which names the field and the allowed values.
/// </summary>
public static class WireEnums
{
    /// <summary>
    /// A JSON contract modifier: every nullable-enum property of a request body reads through <see cref="BodyConverter{TEnum}"/>,
    /// and every money property (decimal) through <see cref="MoneyConverter"/> or <see cref="OptionalMoneyConverter"/>.
    /// </summary>
    public static Action<JsonTypeInfo> BodyModifier(IHttpContextAccessor accessor) => info =>
    {
        foreach (var property in info.Properties)
        {
            if (Nullable.GetUnderlyingType(property.PropertyType) is { IsEnum: true } enumType)
            {
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(
                    typeof(BodyConverter<>).MakeGenericType(enumType), property.Name, accessor)!;
            }
            else if (property.PropertyType == typeof(decimal?))
            {
                property.CustomConverter = new MoneyConverter(property.Name, accessor);
            }
            else if (property.PropertyType == typeof(Milestones.Domain.Common.Optional<decimal?>))
            {
                property.CustomConverter = new OptionalMoneyConverter(property.Name, accessor);
            }
        }
    };

    /// <summary>
    /// Money as the client wrote it (SPEC 7): a number whose exact value has more than 2 decimals is noted for the
    /// 422 (<c>1.999999999999999999999999999999</c> would otherwise become 2.00 in a decimal, silently rounded).
    /// Trailing zeros and exponents count by value: <c>1.500</c> and <c>125e-2</c> are fine.
    /// </summary>
    private static decimal? ReadMoney(ref Utf8JsonReader reader, string field, IHttpContextAccessor accessor)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
        {
            throw new JsonException(); // the wrong JSON type or a number out of range: 400 naming the field
        }

        var text = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        if (DecimalPlaces(text) > 2 && accessor.HttpContext is { } context)
        {
            EdgeInputErrors.Of(context).Add(field, Milestones.Domain.Common.Money.TooManyDecimals(field)); // the validators' own words, so one message stands
        }

        return value;
    }

    /// <summary>How many decimal places the exact value of a JSON number has (<c>1.50</c>: 1, <c>12e-3</c>: 3, <c>1e2</c>: 0).</summary>
    public static long DecimalPlaces(ReadOnlySpan<byte> number)
    {
        var exponentAt = number.IndexOfAny((byte)'e', (byte)'E');
        var mantissa = exponentAt < 0 ? number : number[..exponentAt];
        long exponent = 0;
        if (exponentAt >= 0 && !System.Buffers.Text.Utf8Parser.TryParse(number[(exponentAt + 1)..], out exponent, out _))
        {
            exponent = number[exponentAt + 1] == (byte)'-' ? long.MinValue / 2 : long.MaxValue / 2; // beyond any range: judged by its sign
        }

        var point = mantissa.IndexOf((byte)'.');
        var whole = (point < 0 ? mantissa : mantissa[..point]).TrimStart((byte)'-');
        var fraction = point < 0 ? [] : mantissa[(point + 1)..];
        var trailingZeros = fraction.Length - fraction.TrimEnd((byte)'0').Length;
        if (trailingZeros == fraction.Length)
        {
            trailingZeros += whole.Length - whole.TrimEnd((byte)'0').Length;
            if (trailingZeros == fraction.Length + whole.Length)
            {
                return 0; // zero, whatever its exponent
            }
        }

        return Math.Max(0, fraction.Length - exponent - trailingZeros);
    }

    private sealed class MoneyConverter(string field, IHttpContextAccessor accessor) : JsonConverter<decimal?>
    {
        public override bool HandleNull => true;

        public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadMoney(ref reader, field, accessor);

        public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options) => JsonSerializer.Serialize(writer, value, options);
    }

    private sealed class OptionalMoneyConverter(string field, IHttpContextAccessor accessor) : JsonConverter<Milestones.Domain.Common.Optional<decimal?>>
    {
        public override bool HandleNull => true;

        public override Milestones.Domain.Common.Optional<decimal?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(ReadMoney(ref reader, field, accessor));

        public override void Write(Utf8JsonWriter writer, Milestones.Domain.Common.Optional<decimal?> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.HasValue ? value.Value : null, options);
    }

    private sealed class BodyConverter<TEnum>(string field, IHttpContextAccessor accessor) : JsonConverter<TEnum?>
        where TEnum : struct, Enum
    {
        public override TEnum? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException(); // a number, object or array: the wrong JSON type, 400 like any other
            }

            if (EnumValues<TEnum>.TryParse(reader.GetString(), out var value))
            {
                return value;
            }

            if (accessor.HttpContext is { } context)
            {
                EdgeInputErrors.Of(context).Add(field, EdgeInputErrors.NotOneOf<TEnum>(field));
            }

            return null;
        }

        public override void Write(Utf8JsonWriter writer, TEnum? value, JsonSerializerOptions options)
        {
            if (value is { } v)
            {
                writer.WriteStringValue(EnumValues<TEnum>.NameOf(v));
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    /// <summary>Query parameters typed as a nullable enum, or an enum array read from a comma list (<c>status=pending,reached</c>).</summary>
    public sealed class QueryBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var type = context.Metadata.ModelType;
            if (Nullable.GetUnderlyingType(type) is { IsEnum: true } single)
            {
                return (IModelBinder)Activator.CreateInstance(typeof(QueryBinder<>).MakeGenericType(single), [false])!;
            }

            return type.IsArray && type.GetElementType() is { IsEnum: true } element
                ? (IModelBinder)Activator.CreateInstance(typeof(QueryBinder<>).MakeGenericType(element), [true])!
                : null;
        }
    }

    private sealed class QueryBinder<TEnum>(bool list) : IModelBinder
        where TEnum : struct, Enum
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var raw = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (raw == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            var field = bindingContext.ModelName;
            if (string.IsNullOrEmpty(raw.FirstValue) && raw.Length == 1)
            {
                return Task.CompletedTask; // "?tasks=" is the same as leaving it out
            }

            var texts = list
                ? raw.Values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray()
                : [raw.FirstValue ?? ""];
            var values = new List<TEnum>();
            var unknown = new List<string>();
            foreach (var text in texts)
            {
                if (EnumValues<TEnum>.TryParse(text, out var value))
                {
                    values.Add(value);
                }
                else
                {
                    unknown.Add(text);
                }
            }

            if (unknown.Count > 0)
            {
                EdgeInputErrors.Of(bindingContext.HttpContext).Add(field, list
                    ? $"Unknown {field} '{string.Join("', '", unknown)}'; allowed: {EnumValues<TEnum>.Allowed} (comma-separated)."
                    : EdgeInputErrors.NotOneOf<TEnum>(field));
                bindingContext.Result = ModelBindingResult.Success(null);
                return Task.CompletedTask;
            }

            bindingContext.Result = ModelBindingResult.Success(list ? values.Distinct().ToArray() : values[0]);
            return Task.CompletedTask;
        }
    }
}
