using System.Text.Json;

namespace Milestones.Application.Common.Models;

/// <summary>The wire names (snake_case) of an enum, for parsing request strings and naming allowed values in 422s.</summary>
public static class EnumValues<T>
    where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByName =
        Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()), v => v, StringComparer.Ordinal);

    public static string Allowed => string.Join(", ", ByName.Keys);

    public static bool IsDefined(string? value) => value is not null && ByName.ContainsKey(value);

    public static T Parse(string value) => ByName[value];

    public static T? ParseOrNull(string? value) => value is null ? null : ByName[value];
}
