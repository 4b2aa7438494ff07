using System.Text.Json.Serialization;

namespace Milestones.Application.Common.Models;

public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static int TakeOf(this IPagedQuery query) => query.Limit ?? DefaultLimit;

    public static int SkipOf(this IPagedQuery query) =>
        query.Offset ?? ((query.Page ?? 1) - 1) * query.TakeOf();

    /// <summary>
    /// The total that a page of <paramref name="shown"/> items, read at <paramref name="skip"/> with room for
    /// <paramref name="take"/>, proves by itself: a page that is not full ends the list (unless it is empty
    /// past the start, which says only that the list is shorter than <paramref name="skip"/>), so the total
    /// is where it starts plus what it holds. Null when only a count can say.
    /// </summary>
    public static int? TotalShownBy(int skip, int take, int shown) =>
        shown < take && (shown > 0 || skip == 0) ? skip + shown : null;
}
