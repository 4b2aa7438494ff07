using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// RFC 8288 links between the pages of a list, each the request's own URL with <c>limit</c> and
/// <c>offset</c> set (<c>page</c> dropped) and every other parameter kept. <c>prev</c> and <c>next</c>
/// appear only where such a page exists (past the end, <c>prev</c> is the last page: SPEC 5); <c>first</c>
/// and <c>last</c> always.
/// </summary>
public static class PageLinks
{
    public static string For(HttpRequest request, int count, int limit, int offset)
    {
        var links = new List<string> { Link(request, limit, 0, "first") };
        var last = count == 0 ? 0 : (count - 1) / limit * limit;
        if (offset > 0)
        {
            links.Add(Link(request, limit, offset >= count ? last : Math.Max(0, offset - limit), "prev"));
        }

        if ((long)offset + limit < count)
        {
            links.Add(Link(request, limit, offset + limit, "next"));
        }

        links.Add(Link(request, limit, last, "last"));
        return string.Join(", ", links);
    }

    private static string Link(HttpRequest request, int limit, int offset, string rel)
    {
        var query = new QueryBuilder(request.Query
            .Where(q => q.Key is not ("limit" or "offset" or "page"))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))))
        {
            { "limit", limit.ToString(CultureInfo.InvariantCulture) },
            { "offset", offset.ToString(CultureInfo.InvariantCulture) },
        };
        var url = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString());
        return $"<{url}>; rel=\"{rel}\"";
    }
}
