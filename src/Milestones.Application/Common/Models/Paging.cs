using System.Text.Json.Serialization;

namespace Milestones.Application.Common.Models;

/// <summary>A list query: <c>limit</c> (1–100, default 20) and <c>offset</c> (≥ 0) or <c>page</c> (≥ 1).</summary>
public interface IPagedQuery
{
    int? Limit { get; }

    int? Offset { get; }

    int? Page { get; }
}

public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static int TakeOf(this IPagedQuery query) => query.Limit ?? DefaultLimit;

    public static int SkipOf(this IPagedQuery query) =>
        query.Offset ?? ((query.Page ?? 1) - 1) * query.TakeOf();
}

/// <summary>The paging rules, included by every list query's validator.</summary>
public sealed class PagingValidator<T> : AbstractValidator<T>
    where T : IPagedQuery
{
    public PagingValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit)
            .WithMessage($"limit must be between 1 and {Paging.MaxLimit}.");
        RuleFor(x => x.Offset).GreaterThanOrEqualTo(0).WithMessage("offset must be 0 or more.");
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithMessage("page must be 1 or more.");
        RuleFor(x => x.Page).Null().When(x => x.Offset is not null)
            .WithMessage("Send either offset or page, not both.");
        RuleFor(x => x.Page).LessThanOrEqualTo(int.MaxValue / Paging.MaxLimit)
            .WithMessage("page is too large.");
    }
}

/// <summary>One page of results and the number of all matching items.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Count, int Limit, int Offset)
{
    public PagedList<TOut> Map<TOut>(Func<IReadOnlyList<T>, IReadOnlyList<TOut>> map) => new(map(Items), Count, Limit, Offset);
}

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

/// <summary>The answer of a delete: <c>{"id": n, "deleted": true, ...}</c>.</summary>
public record DeletedResult([property: JsonPropertyOrder(-2)] long Id)
{
    [JsonPropertyOrder(-1)]
    public bool Deleted => true;
}
