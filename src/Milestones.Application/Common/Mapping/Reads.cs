using System.Linq.Expressions;
using AutoMapper.QueryableExtensions;

namespace Milestones.Application.Common.Mapping;

/// <summary>Reads one resource as its DTO; shared by queries and by commands that answer with the changed resource.</summary>
public static class Reads
{
    public static async Task<MilestoneDto> MilestoneDtoAsync(this IApplicationDbContext db, IMapper mapper, long id, DateTime now, CancellationToken ct) =>
        await CompiledMilestoneDto.For(mapper.ConfigurationProvider)(Compiled.Context(db), id, now, ct)
        ?? throw new InvalidOperationException($"Milestone {id} was read before it existed.");

    public static Task<ProjectDto> ProjectDtoAsync(this IApplicationDbContext db, IMapper mapper, long id, CancellationToken ct) =>
        db.Projects.IgnoreQueryFilters().Where(p => p.Id == id)
            .ProjectTo<ProjectDto>(mapper.ConfigurationProvider)
            .FirstAsync(ct);

    public static Task<TaskDto> TaskDtoAsync(this IApplicationDbContext db, IMapper mapper, long id, CancellationToken ct) =>
        db.Tasks.IgnoreQueryFilters().Where(t => t.Id == id)
            .ProjectTo<TaskDto>(mapper.ConfigurationProvider)
            .FirstAsync(ct);

    /// <summary>
    /// The milestone read, compiled once: AutoMapper's projection (the same map every list uses) with
    /// the clock's <c>now</c> turned into a parameter of the compiled query. The maps are fixed code,
    /// so the first configuration's projection serves every later one.
    /// </summary>
    private static class CompiledMilestoneDto
    {
        private static readonly DateTime Sentinel = new(1901, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        private static Func<DbContext, long, DateTime, CancellationToken, Task<MilestoneDto?>>? _query;

        public static Func<DbContext, long, DateTime, CancellationToken, Task<MilestoneDto?>> For(IConfigurationProvider config) =>
            LazyInitializer.EnsureInitialized(ref _query, () => Build(config));

        private static Func<DbContext, long, DateTime, CancellationToken, Task<MilestoneDto?>> Build(IConfigurationProvider config)
        {
            var projectTo = Enumerable.Empty<Milestone>().AsQueryable().ProjectTo<MilestoneDto>(config, new { now = Sentinel }).Expression;
            var select = (LambdaExpression)((UnaryExpression)((MethodCallExpression)projectTo).Arguments[1]).Operand;
            var now = Expression.Parameter(typeof(DateTime), "now");
            var withNow = new SentinelToParameter(now);
            var body = withNow.Visit(select.Body)!;
            if (withNow.Replaced == 0)
            {
                throw new InvalidOperationException("AutoMapper's milestone projection no longer carries the 'now' parameter as a value.");
            }

            var projection = Expression.Lambda<Func<Milestone, MilestoneDto>>(body, select.Parameters);

            var db = Expression.Parameter(typeof(DbContext), "db");
            var id = Expression.Parameter(typeof(long), "id");
            var ct = Expression.Parameter(typeof(CancellationToken), "ct");
            Expression<Func<DbContext, long, IQueryable<Milestone>>> rows = (c, key) => c.Set<Milestone>().IgnoreQueryFilters().Where(m => m.Id == key);
            var source = new Rebind(rows.Parameters[0], db, rows.Parameters[1], id).Visit(rows.Body);
            var selectCall = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Milestone), typeof(MilestoneDto)], source, Expression.Quote(projection));
            var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(MilestoneDto)], selectCall);
            var query = Expression.Lambda<Func<DbContext, long, DateTime, CancellationToken, MilestoneDto?>>(first, db, id, now, ct);
            return EF.CompileAsyncQuery(query);
        }

        private sealed class SentinelToParameter(ParameterExpression now) : ExpressionVisitor
        {
            public int Replaced { get; private set; }

            public override Expression? Visit(Expression? node)
            {
                if (node is { Type: var type } && type == typeof(DateTime) && node is ConstantExpression or MemberExpression
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

        private sealed class Rebind(ParameterExpression from1, Expression to1, ParameterExpression from2, Expression to2) : ExpressionVisitor
        {
            protected override Expression VisitParameter(ParameterExpression node) =>
                node == from1 ? to1 : node == from2 ? to2 : base.VisitParameter(node);
        }
    }
}
