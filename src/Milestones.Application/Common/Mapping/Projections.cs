using System.Linq.Expressions;

namespace Milestones.Application.Common.Mapping;

/// <summary>
/// The small piece of expression plumbing the hand-written projections need: a lambda's body with its
/// parameters replaced, so one map can be written once and used inside a compiled query (the clock a
/// parameter), in an ad-hoc query (the clock a captured value EF Core sends as a parameter) and in memory.
/// </summary>
public static class Projections
{
    /// <summary>The body of <paramref name="lambda"/> with its parameters replaced by <paramref name="arguments"/>, in order.</summary>
    public static Expression Inline(this LambdaExpression lambda, params Expression[] arguments) =>
        new Substitution(lambda.Parameters, arguments).Visit(lambda.Body)!;

    /// <summary>A rule over an entity and the clock, as a filter at <paramref name="now"/> (sent as a query parameter).</summary>
    public static Expression<Func<T, bool>> At<T>(this Expression<Func<T, DateTime, bool>> rule, DateTime now)
    {
        var entity = Expression.Parameter(typeof(T), rule.Parameters[0].Name);
        return Expression.Lambda<Func<T, bool>>(rule.Inline(entity, Captured(now)), entity);
    }

    /// <summary>A value as EF Core sees a captured variable: sent as a parameter, so the query's plan is reused.</summary>
    public static Expression Captured<T>(T value) => ((Expression<Func<T>>)(() => value)).Body;

    private sealed class Substitution(IReadOnlyList<ParameterExpression> parameters, IReadOnlyList<Expression> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i] == node)
                {
                    return arguments[i];
                }
            }

            return node;
        }
    }
}
