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
