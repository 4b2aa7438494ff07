using System.Text.Json.Serialization;

namespace Milestones.Application.Common.Models;

public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static int TakeOf(this IPagedQuery query) => query.Limit ?? DefaultLimit;

    public static int SkipOf(this IPagedQuery query) =>
        query.Offset ?? ((query.Page ?? 1) - 1) * query.TakeOf();
}
