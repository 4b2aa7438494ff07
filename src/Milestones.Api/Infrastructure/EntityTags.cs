using Microsoft.Extensions.Primitives;

namespace Milestones.Api.Infrastructure;

/// <summary>RFC 9110 entity tags over the application's representation versions.</summary>
public static class EntityTags
{
    public static string Strong(string version) => $"\"{version}\"";

    /// <summary>
    /// <c>If-Match</c> (strong comparison): the quoted strong tags become expected versions; a weak tag
    /// can never match. Null when the header is absent or is <c>*</c> (any current representation).
    /// </summary>
    public static IReadOnlyList<string>? ExpectedVersions(StringValues ifMatch)
    {
        var tags = Tags(ifMatch);
        return tags.Count == 0 || tags.Contains("*") ? null
            : tags.Where(t => !t.StartsWith("W/", StringComparison.Ordinal)).Select(Unquote).ToList();
    }

    /// <summary><c>If-None-Match</c> (weak comparison): <c>W/"x"</c> and <c>"x"</c> both name version x.</summary>
    public static bool NoneMatchNames(StringValues ifNoneMatch, string version) =>
        Tags(ifNoneMatch).Any(t => t == "*" || Unquote(t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t) == version);

    private static List<string> Tags(StringValues header) => header
        .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        .ToList();

    private static string Unquote(string tag) => tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"' ? tag[1..^1] : tag;
}
