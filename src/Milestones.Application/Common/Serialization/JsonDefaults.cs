using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Milestones.Application.Common.Serialization;

/// <summary>
/// The one JSON contract: camelCase names, snake_case enum values, UTC timestamps with
/// milliseconds and 'Z', absent-vs-null for PATCH fields, at most 32 levels of nesting.
/// Used for HTTP bodies, the activity log's data and ETags alike.
/// </summary>
public static class JsonDefaults
{
    public const int MaxDepth = 32;

    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.MaxDepth = MaxDepth;
        // Strict input (SPEC 5): names match exactly, and a property sent twice is an error, not "last wins".
        options.PropertyNameCaseInsensitive = false;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeConverter());
        options.Converters.Add(new OptionalConverterFactory());
        return options;
    }
}

public static class JsonNames
{
    /// <summary>"Tasks[0].Title" → "tasks[0].title".</summary>
    public static string PropertyPath(string path) =>
        string.Join('.', path.Split('.').Select(segment => JsonNamingPolicy.CamelCase.ConvertName(segment)));
}

/// <summary>Writes <c>2026-03-31T23:59:59.999Z</c>; reads any ISO 8601 date or date-time and converts it to UTC.</summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && text.Length == 10 &&
            DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return DateTime.SpecifyKind(date, DateTimeKind.Utc);
        }

        if (text is not null && text.Contains('T', StringComparison.Ordinal) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.UtcDateTime;
        }

        throw new JsonException($"'{text}' is not an ISO 8601 date (2026-03-31) or date-time (2026-03-31T12:00:00Z).");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        writer.WriteStringValue(utc.ToString(Format, CultureInfo.InvariantCulture));
    }
}

public sealed class OptionalConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OptionalConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OptionalConverter<T> : JsonConverter<Optional<T>>
    {
        public override bool HandleNull => true;

        // The inner converter reads in place, so a wrong value is reported at its own path ($.dueDate), not at $.
        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(((JsonConverter<T>)options.GetConverter(typeof(T))).Read(ref reader, typeof(T), options)!);

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options)
        {
            if (value.HasValue)
            {
                JsonSerializer.Serialize(writer, value.Value, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}

/// <summary>
/// The version of a representation: a hash of its JSON, so it changes whenever the representation
/// does. The Api shows it as the strong ETag and reads If-Match into expected versions.
/// </summary>
public static class Versions
{
    public static string Of(object? representation)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(representation, representation?.GetType() ?? typeof(object), JsonDefaults.Options);
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }
}
