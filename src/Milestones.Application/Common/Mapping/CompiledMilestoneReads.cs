using System.Linq.Expressions;

namespace Milestones.Application.Common.Mapping;

/// <summary>
/// The milestone reads every request makes, compiled once (<c>EF.CompileAsyncQuery</c>): one milestone
/// by id (alone, or with the facts of the caller's access to it), and a page of a whole project's live
/// list in position order with the list's count. Each selects through
/// <see cref="MilestoneDto.Projection"/>, the map every other read uses, with the clock's <c>now</c>
/// a parameter of the compiled query.
/// </summary>
public static class CompiledMilestoneReads
{
    private static readonly Func<DbContext, long, DateTime, CancellationToken, Task<MilestoneDto?>> One =
        EF.CompileAsyncQuery(First(Select<long>((c, key) => c.Set<Milestone>().IgnoreQueryFilters().Where(m => m.Id == key))));

    /// <summary>A project's live milestones: its exact counter of categorised ones, plus the default one.</summary>
    private static readonly Expression<Func<DbContext, long, int>> LiveCount = (c, p) =>
        c.Set<Project>().Where(x => x.Id == p).Select(x => x.MilestonesTotal + 1).First();

    /// <summary>A project's counters of its milestones: the live ones (with the default one) and the reached ones.</summary>
    private static readonly Func<DbContext, long, CancellationToken, Task<ProjectMilestoneCounts>> Counts =
        EF.CompileAsyncQuery((DbContext c, long p, CancellationToken ct) =>
            c.Set<Project>().Where(x => x.Id == p).Select(x => new ProjectMilestoneCounts(x.MilestonesTotal + 1, x.MilestonesReached)).First());

    /// <summary>Live milestones of a project from position <c>from</c> on, ascending.</summary>
    private static readonly Expression<Func<DbContext, long, int, int, IQueryable<Milestone>>> Up = (c, p, from, count) =>
        c.Set<Milestone>().Where(m => m.ProjectId == p && m.Position >= from).OrderBy(m => m.ProjectId).ThenBy(m => m.Position).ThenBy(m => m.Id).Take(count);

    /// <summary>Live milestones of a project from position <c>from</c> down, descending.</summary>
    private static readonly Expression<Func<DbContext, long, int, int, IQueryable<Milestone>>> Down = (c, p, from, count) =>
        c.Set<Milestone>().Where(m => m.ProjectId == p && m.Position <= from).OrderByDescending(m => m.ProjectId).ThenByDescending(m => m.Position).ThenByDescending(m => m.Id).Take(count);

    private static readonly Func<DbContext, long, int, int, DateTime, IAsyncEnumerable<Counted>> PageUp = EF.CompileAsyncQuery(Page(Up, descending: false));

    private static readonly Func<DbContext, long, int, int, DateTime, IAsyncEnumerable<Counted>> PageDown = EF.CompileAsyncQuery(Page(Down, descending: true));

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
        return Expression.Lambda<Func<DbContext, long, long?, DateTime, CancellationToken, WithAccess?>>(first, c, key, userId, now, Token());
    }

    /// <summary>A milestone of a page, with the project's live count (every row carries it: one statement for both).</summary>
    private sealed record Counted(MilestoneDto Milestone, int Total);

    /// <summary>
    /// A project's live milestones (its counter, plus the default milestone) and the reached ones among them
    /// (its counter; the default milestone is always pending), each kept exact in the transaction of every
    /// change by <c>ProjectMilestoneCounterHandler</c>.
    /// </summary>
    public sealed record ProjectMilestoneCounts(int Live, int Reached);

    public static Task<ProjectMilestoneCounts> CountsAsync(IApplicationDbContext db, long projectId, CancellationToken ct) =>
        Counts(Compiled.Context(db), projectId, ct);

    /// <summary>
    /// The page at <paramref name="skip"/> of a project's live milestones in position order (from the end when
    /// <paramref name="descending"/>), and their count, in one statement: a whole project's live milestones hold
    /// positions 0..count − 1, so the page starts at position <paramref name="skip"/> (count − 1 − skip descending),
    /// a seek on the covering index. Past the end, the count alone.
    /// </summary>
    public static async Task<(List<MilestoneDto> Page, int Total)> PageAsync(IApplicationDbContext db, long projectId, int skip, int take, bool descending, DateTime now, CancellationToken ct)
    {
        var (page, total) = (new List<MilestoneDto>(take), -1);
        await foreach (var row in (descending ? PageDown : PageUp)(Compiled.Context(db), projectId, skip, take, now).WithCancellation(ct))
        {
            total = row.Total;
            page.Add(row.Milestone);
        }

        return (page, total >= 0 ? total : (await CountsAsync(db, projectId, ct)).Live);
    }

    /// <summary>
    /// <c>(c, p, skip, count, now) => rows(c, p, from, count).Select(m => new Counted(dto(m, now), LiveCount(c, p)))</c>,
    /// <c>from</c> being <c>skip</c>, or <c>LiveCount(c, p) − 1 − skip</c> descending.
    /// </summary>
    private static Expression<Func<DbContext, long, int, int, DateTime, IQueryable<Counted>>> Page(Expression<Func<DbContext, long, int, int, IQueryable<Milestone>>> rows, bool descending)
    {
        var (c, p, skip, count, now) = (Expression.Parameter(typeof(DbContext), "c"), Expression.Parameter(typeof(long), "p"), Expression.Parameter(typeof(int), "skip"), Expression.Parameter(typeof(int), "count"), Expression.Parameter(typeof(DateTime), "now"));
        var total = LiveCount.Inline(c, p);
        Expression from = descending ? Expression.Subtract(Expression.Subtract(total, Expression.Constant(1)), skip) : skip;
        var milestone = Expression.Parameter(typeof(Milestone), "m");
        var row = Expression.Lambda<Func<Milestone, Counted>>(Expression.New(typeof(Counted).GetConstructors()[0], MilestoneDto.Projection(now).Inline(milestone), total), milestone);
        var select = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Milestone), typeof(Counted)], rows.Inline(c, p, from, count), Expression.Quote(row));
        return Expression.Lambda<Func<DbContext, long, int, int, DateTime, IQueryable<Counted>>>(select, c, p, skip, count, now);
    }

    private static ParameterExpression Token() => Expression.Parameter(typeof(CancellationToken), "ct");

    private static Expression<Func<DbContext, T1, DateTime, IQueryable<MilestoneDto>>> Select<T1>(Expression<Func<DbContext, T1, IQueryable<Milestone>>> rows)
    {
        var now = Expression.Parameter(typeof(DateTime), "now");
        return Expression.Lambda<Func<DbContext, T1, DateTime, IQueryable<MilestoneDto>>>(Select(rows.Body, now), [.. rows.Parameters, now]);
    }

    /// <summary>The single-row form of a projected query: <c>FirstOrDefault()</c>, with a cancellation token.</summary>
    private static Expression<Func<DbContext, T1, DateTime, CancellationToken, MilestoneDto?>> First<T1>(Expression<Func<DbContext, T1, DateTime, IQueryable<MilestoneDto>>> query)
    {
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(MilestoneDto)], query.Body);
        return Expression.Lambda<Func<DbContext, T1, DateTime, CancellationToken, MilestoneDto?>>(first, [.. query.Parameters, Token()]);
    }

    private static MethodCallExpression Select(Expression rows, ParameterExpression now) =>
        Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Milestone), typeof(MilestoneDto)], rows, Expression.Quote(MilestoneDto.Projection(now)));
}
