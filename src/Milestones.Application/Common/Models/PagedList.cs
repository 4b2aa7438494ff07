using System.Text.Json.Serialization;

namespace Milestones.Application.Common.Models;

/// <summary>One page of results and the number of all matching items.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Count, int Limit, int Offset)
{
    public PagedList<TOut> Map<TOut>(Func<IReadOnlyList<T>, IReadOnlyList<TOut>> map) => new(map(Items), Count, Limit, Offset);
}
