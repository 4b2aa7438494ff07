using System.Linq.Expressions;

namespace Milestones.Application.Common.Mapping;

/// <summary>
/// The milestone reads every request makes, compiled once (<c>EF.CompileAsyncQuery</c>): one milestone
/// by id, and a page of a whole project's live list in position order. Each selects through
/// <see cref="MilestoneDto.Projection"/>, the map every other read uses, with the clock's <c>now</c>
/// a parameter of the compiled query.
/// </summary>
public static class CompiledMilestoneReads
{
    private static readonly Func<DbContext, long, DateTime, CancellationToken, Task<MilestoneDto?>> One =
        EF.CompileAsyncQuery(First(Select<long>((c, key) => c.Set<Milestone>().IgnoreQueryFilters().Where(m => m.Id == key))));

    private static readonly Func<DbContext, long, int, int, DateTime, IAsyncEnumerable<MilestoneDto>> PageFrom =
        EF.CompileAsyncQuery(Select<long, int, int>((c, p, from, count) =>
            c.Set<Milestone>().Where(m => m.ProjectId == p && m.Position >= from).OrderBy(m => m.ProjectId).ThenBy(m => m.Position).ThenBy(m => m.Id).Take(count)));

    private static readonly Func<DbContext, long, int, int, DateTime, IAsyncEnumerable<MilestoneDto>> PageDownFrom =
        EF.CompileAsyncQuery(Select<long, int, int>((c, p, from, count) =>
            c.Set<Milestone>().Where(m => m.ProjectId == p && m.Position <= from).OrderByDescending(m => m.ProjectId).ThenByDescending(m => m.Position).ThenByDescending(m => m.Id).Take(count)));

    /// <summary>A milestone with what decides the caller's access to it, in one statement (the GET of a milestone).</summary>
    private static readonly Func<DbContext, long, long?, DateTime, CancellationToken, Task<WithAccess?>> OneWithAccess =
        EF.CompileAsyncQuery(OneWithAccessQuery());

    public static Task<MilestoneDto?> OneAsync(IApplicationDbContext db, long id, DateTime now, CancellationToken ct) =>
        One(Compiled.Context(db), id, now, ct);

    /// <summary>
    /// The milestone <paramref name="id"/> of a live project (deleted or not) with the facts that decide the
    /// access of <paramref name="userId"/> to it (<see cref="ProjectAccess.ForMilestone"/> judges them); null when there is none.
    /// </summary>
    public static Task<WithAccess?> OneWithAccessAsync(IApplicationDbContext db, long id, long? userId, DateTime now, CancellationToken ct) =>
        OneWithAccess(Compiled.Context(db), id, userId, now, ct);

    public sealed record WithAccess(MilestoneDto Milestone, ProjectAccess.Located Access);

    private static Expression<Func<DbContext, long, long?, DateTime, CancellationToken, WithAccess?>> OneWithAccessQuery()
    {
        var (c, key, userId, now) = (Expression.Parameter(typeof(DbContext), "c"), Expression.Parameter(typeof(long), "key"), Expression.Parameter(typeof(long?), "userId"), Expression.Parameter(typeof(DateTime), "now"));
        var (milestone, facts) = (Expression.Parameter(typeof(Milestone), "m"), Expression.Parameter(typeof(ProjectAccess.Located), "facts"));
        var shape = Expression.Lambda<Func<Milestone, ProjectAccess.Located, WithAccess>>(
            Expression.New(typeof(WithAccess).GetConstructors()[0], MilestoneDto.Projection(now).Inline(milestone), facts), milestone, facts);
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(WithAccess)], ProjectAccess.MilestoneWithFacts(c, key, userId, shape));
        return Expression.Lambda<Func<DbContext, long, long?, DateTime, CancellationToken, WithAccess?>>(first, c, key, userId, now, Expression.Parameter(typeof(CancellationToken), "ct"));
    }

    /// <summary>Live milestones of a project from position <paramref name="position"/> on, ascending (or down from it, descending).</summary>
    public static async Task<List<MilestoneDto>> PageAsync(IApplicationDbContext db, long projectId, int position, int take, bool descending, DateTime now, CancellationToken ct)
    {
        var page = new List<MilestoneDto>(take);
        await foreach (var milestone in (descending ? PageDownFrom : PageFrom)(Compiled.Context(db), projectId, position, take, now).WithCancellation(ct))
        {
            page.Add(milestone);
        }

        return page;
    }

    private static Expression<Func<DbContext, T1, DateTime, IQueryable<MilestoneDto>>> Select<T1>(Expression<Func<DbContext, T1, IQueryable<Milestone>>> rows)
    {
        var now = Expression.Parameter(typeof(DateTime), "now");
        return Expression.Lambda<Func<DbContext, T1, DateTime, IQueryable<MilestoneDto>>>(Select(rows.Body, now), [.. rows.Parameters, now]);
    }

    private static Expression<Func<DbContext, T1, T2, T3, DateTime, IQueryable<MilestoneDto>>> Select<T1, T2, T3>(Expression<Func<DbContext, T1, T2, T3, IQueryable<Milestone>>> rows)
    {
        var now = Expression.Parameter(typeof(DateTime), "now");
        return Expression.Lambda<Func<DbContext, T1, T2, T3, DateTime, IQueryable<MilestoneDto>>>(Select(rows.Body, now), [.. rows.Parameters, now]);
    }

    /// <summary>The single-row form of a projected query: <c>FirstOrDefault()</c>, with a cancellation token.</summary>
    private static Expression<Func<DbContext, T1, DateTime, CancellationToken, MilestoneDto?>> First<T1>(Expression<Func<DbContext, T1, DateTime, IQueryable<MilestoneDto>>> query)
    {
        var ct = Expression.Parameter(typeof(CancellationToken), "ct");
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(MilestoneDto)], query.Body);
        return Expression.Lambda<Func<DbContext, T1, DateTime, CancellationToken, MilestoneDto?>>(first, [.. query.Parameters, ct]);
    }

    private static MethodCallExpression Select(Expression rows, ParameterExpression now) =>
        Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Milestone), typeof(MilestoneDto)], rows, Expression.Quote(MilestoneDto.Projection(now)));
}
