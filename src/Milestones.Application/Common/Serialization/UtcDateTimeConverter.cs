using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Milestones.Application.Common.Serialization;

/// <summary>
/// Writes <c>2026-03-31T23:59:59.999Z</c>; reads any ISO 8601 date or date-time and converts it to UTC.
/// <see cref="TryParse(string?, out DateTime, out bool)"/> is the one date parser: JSON bodies read through it, and the Api's query-string
/// binder calls it too.
/// </summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    /// <summary>What a date looks like, in the contract's words.</summary>
    public const string Expected = "an ISO 8601 date (2026-03-31) or date-time (2026-03-31T12:00:00Z)";

    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>A date (<c>2026-03-31</c>, midnight UTC) or a date-time with or without an offset (UTC assumed), as UTC.</summary>
    public static bool TryParse(string? text, out DateTime utc) => TryParse(text, out utc, out _);

    /// <summary>As <see cref="TryParse(string?, out DateTime)"/>, saying whether the text was a date alone (a whole day).</summary>
    public static bool TryParse(string? text, out DateTime utc, out bool dateOnly)
    {
        dateOnly = false;
        if (text is not null && text.Length == 10 &&
            DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            utc = DateTime.SpecifyKind(date, DateTimeKind.Utc);
            dateOnly = true;
            return true;
        }

        if (text is not null && text.Contains('T', StringComparison.Ordinal) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            utc = instant.UtcDateTime;
            return true;
        }

        utc = default;
        return false;
    }

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return TryParse(text, out var utc) ? utc : throw new JsonException($"'{text}' is not {Expected}.");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        writer.WriteStringValue(utc.ToString(Format, CultureInfo.InvariantCulture));
    }
}
