using System.Text.Json.Serialization;

namespace Milestones.Application.Common.Models;

public static class PagedListExtensions
{
    /// <summary>Reads the requested window of an ordered query, then counts every match unless the window shows the total (<see cref="Paging.TotalShownBy"/>).</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> ordered, IPagedQuery paging, CancellationToken ct)
    {
        var (skip, take) = (paging.SkipOf(), paging.TakeOf());
        var items = await ordered.Skip(skip).Take(take).ToListAsync(ct);
        var count = Paging.TotalShownBy(skip, take, items.Count) ?? await ordered.CountAsync(ct);
        return new PagedList<T>(items, count, take, skip);
    }
}
