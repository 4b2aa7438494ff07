using System.Linq.Expressions;
using AutoMapper.QueryableExtensions;

namespace Milestones.Application.Common.Mapping;

/// <summary>
/// The milestone reads every request makes, compiled once (<c>EF.CompileAsyncQuery</c>): one milestone
/// by id, and a page of a whole project's live list in position order. Each uses AutoMapper's own
/// projection (the map every other list uses), with the clock's <c>now</c> turned from the projection's
/// parameter into a parameter of the compiled query. The maps are fixed code, so the first
/// configuration's projection serves every later one.
/// </summary>
public static class CompiledMilestoneReads
{
    private static readonly DateTime Sentinel = new(1901, 2, 3, 4, 5, 6, DateTimeKind.Utc);
    private static Func<DbContext, long, DateTime, CancellationToken, Task<MilestoneDto?>>? _one;
    private static Func<DbContext, long, int, int, DateTime, IAsyncEnumerable<MilestoneDto>>? _pageFrom;
    private static Func<DbContext, long, int, int, DateTime, IAsyncEnumerable<MilestoneDto>>? _pageDownFrom;

    public static Task<MilestoneDto?> OneAsync(IApplicationDbContext db, IConfigurationProvider config, long id, DateTime now, CancellationToken ct) =>
        LazyInitializer.EnsureInitialized(ref _one, () =>
            EF.CompileAsyncQuery(First(Project<long>(config, (c, key) => c.Set<Milestone>().IgnoreQueryFilters().Where(m => m.Id == key)))))
        (Compiled.Context(db), id, now, ct);

    /// <summary>Live milestones of a project from position <paramref name="position"/> on, ascending (or down from it, descending).</summary>
    public static async Task<List<MilestoneDto>> PageAsync(IApplicationDbContext db, IConfigurationProvider config, long projectId, int position, int take, bool descending, DateTime now, CancellationToken ct)
    {
        var query = descending
            ? LazyInitializer.EnsureInitialized(ref _pageDownFrom, () => EF.CompileAsyncQuery(Project<long, int, int>(config, (c, p, from, count) =>
                c.Set<Milestone>().Where(m => m.ProjectId == p && m.Position <= from).OrderByDescending(m => m.ProjectId).ThenByDescending(m => m.Position).ThenByDescending(m => m.Id).Take(count))))
            : LazyInitializer.EnsureInitialized(ref _pageFrom, () => EF.CompileAsyncQuery(Project<long, int, int>(config, (c, p, from, count) =>
                c.Set<Milestone>().Where(m => m.ProjectId == p && m.Position >= from).OrderBy(m => m.ProjectId).ThenBy(m => m.Position).ThenBy(m => m.Id).Take(count))));
        var page = new List<MilestoneDto>(take);
        await foreach (var milestone in query(Compiled.Context(db), projectId, position, take, now).WithCancellation(ct))
        {
            page.Add(milestone);
        }

        return page;
    }

    private static Expression<Func<DbContext, T1, DateTime, IQueryable<MilestoneDto>>> Project<T1>(IConfigurationProvider config, Expression<Func<DbContext, T1, IQueryable<Milestone>>> rows)
    {
        var now = Expression.Parameter(typeof(DateTime), "now");
        return Expression.Lambda<Func<DbContext, T1, DateTime, IQueryable<MilestoneDto>>>(Select(config, rows.Body, now), [.. rows.Parameters, now]);
    }

    private static Expression<Func<DbContext, T1, T2, T3, DateTime, IQueryable<MilestoneDto>>> Project<T1, T2, T3>(IConfigurationProvider config, Expression<Func<DbContext, T1, T2, T3, IQueryable<Milestone>>> rows)
    {
        var now = Expression.Parameter(typeof(DateTime), "now");
        return Expression.Lambda<Func<DbContext, T1, T2, T3, DateTime, IQueryable<MilestoneDto>>>(Select(config, rows.Body, now), [.. rows.Parameters, now]);
    }

    /// <summary>The single-row form of a projected query: <c>FirstOrDefault()</c>, with a cancellation token.</summary>
    private static Expression<Func<DbContext, T1, DateTime, CancellationToken, MilestoneDto?>> First<T1>(Expression<Func<DbContext, T1, DateTime, IQueryable<MilestoneDto>>> query)
    {
        var ct = Expression.Parameter(typeof(CancellationToken), "ct");
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(MilestoneDto)], query.Body);
        return Expression.Lambda<Func<DbContext, T1, DateTime, CancellationToken, MilestoneDto?>>(first, [.. query.Parameters, ct]);
    }

    private static MethodCallExpression Select(IConfigurationProvider config, Expression rows, ParameterExpression now) =>
        Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Milestone), typeof(MilestoneDto)], rows, Expression.Quote(Projection(config, now)));

    /// <summary>AutoMapper's Milestone → MilestoneDto projection, its <c>now</c> parameter replaced by <paramref name="now"/>.</summary>
    private static Expression<Func<Milestone, MilestoneDto>> Projection(IConfigurationProvider config, ParameterExpression now)
    {
        var projectTo = Enumerable.Empty<Milestone>().AsQueryable().ProjectTo<MilestoneDto>(config, new { now = Sentinel }).Expression;
        var select = (LambdaExpression)((UnaryExpression)((MethodCallExpression)projectTo).Arguments[1]).Operand;
        var withNow = new SentinelToParameter(now);
        var body = withNow.Visit(select.Body)!;
        return withNow.Replaced > 0
            ? Expression.Lambda<Func<Milestone, MilestoneDto>>(body, select.Parameters)
            : throw new InvalidOperationException("AutoMapper's milestone projection no longer carries the 'now' parameter as a value.");
    }

    private sealed class SentinelToParameter(ParameterExpression now) : ExpressionVisitor
    {
        public int Replaced { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (node is ConstantExpression or MemberExpression && node.Type == typeof(DateTime)
                && !ReferencesParameter(node) && Expression.Lambda<Func<DateTime>>(node).Compile()() == Sentinel)
            {
                Replaced++;
                return now;
            }

            return base.Visit(node);
        }

        private static bool ReferencesParameter(Expression node) => node switch
        {
            ParameterExpression => true,
            MemberExpression m => m.Expression is not null && ReferencesParameter(m.Expression),
            _ => false,
        };
    }
}
