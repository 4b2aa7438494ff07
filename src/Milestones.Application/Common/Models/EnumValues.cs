using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Milestones.Application.Common.Models;

/// <summary>
/// The wire names of an enum: snake_case (<c>in_progress</c>), or the name given by
/// <see cref="JsonStringEnumMemberNameAttribute"/> (<c>createdAt</c>). Matched exactly: no other
/// casing, no numbers.
/// </summary>
public static class EnumValues<T>
    where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByName =
        Enum.GetValues<T>().ToDictionary(NameOf, v => v, StringComparer.Ordinal);

    public static string Allowed => string.Join(", ", ByName.Keys);

    public static bool TryParse(string? value, out T parsed) =>
        ByName.TryGetValue(value ?? "", out parsed);

    public static string NameOf(T value) =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
