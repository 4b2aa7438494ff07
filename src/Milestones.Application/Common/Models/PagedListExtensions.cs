using System.Text.Json.Serialization;

namespace Milestones.Application.Common.Models;

public static class PagedListExtensions
{
    /// <summary>Counts every match, then reads the requested window of an ordered query.</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> ordered, IPagedQuery paging, CancellationToken ct)
    {
        var count = await ordered.CountAsync(ct);
        var items = await ordered.Skip(paging.SkipOf()).Take(paging.TakeOf()).ToListAsync(ct);
        return new PagedList<T>(items, count, paging.TakeOf(), paging.SkipOf());
    }
}
