using System.Linq.Expressions;

namespace Milestones.Application.Milestones;

public sealed record MilestoneDto
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public MilestoneStatus Status { get; init; }
    public MilestoneType Type { get; init; }
    public MilestoneColor Color { get; init; }
    public int Position { get; init; }
    public DateTime? DueDate { get; init; }
    public DateTime? ReachedAt { get; init; }
    public decimal? GoalAmount { get; init; }
    public decimal RaisedAmount { get; init; }
    public int SupportersCount { get; init; }
    public int TasksTotal { get; init; }
    public int TasksCompleted { get; init; }

    public ProgressDto Progress => new(
        TasksTotal <= 0 ? 0 : (int)Math.Clamp(TasksCompleted * 100L / TasksTotal, 0, 100),
        Money.FundingPercent(RaisedAmount, GoalAmount));

    /// <summary>A due date in the past while pending or in progress (computed against the request's clock).</summary>
    public bool IsOverdue { get; init; }
    public long CreatedById { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? DeletedAt { get; init; }
    /// <summary>The one map from a milestone, with <see cref="IsOverdue"/> left to the clock (see <see cref="Projection"/>).</summary>
    private static readonly Expression<Func<Milestone, bool, MilestoneDto>> Shape = (m, isOverdue) => new MilestoneDto
    {
        Id = m.Id,
        ProjectId = m.ProjectId,
        Title = m.Title,
        Description = m.Description,
        Status = m.Status,
        Type = m.Type,
        Color = m.Color,
        Position = m.Position,
        DueDate = m.DueDate,
        ReachedAt = m.ReachedAt,
        GoalAmount = m.GoalAmount,
        RaisedAmount = m.RaisedAmount,
        SupportersCount = m.SupportersCount,
        TasksTotal = m.TasksTotal,
        TasksCompleted = m.TasksCompleted,
        IsOverdue = isOverdue,
        CreatedById = m.CreatedById,
        CreatedAt = m.CreatedAt,
        UpdatedAt = m.UpdatedAt,
        DeletedAt = m.DeletedAt,
    };

    /// <summary>
    /// The map with the domain's overdue rule (<see cref="Milestone.Overdue"/>) computed against
    /// <paramref name="now"/>: a parameter of a compiled query, or <see cref="Projections.Captured"/> of the request's clock.
    /// </summary>
    public static Expression<Func<Milestone, MilestoneDto>> Projection(Expression now)
    {
        var milestone = Expression.Parameter(typeof(Milestone), "m");
        return Expression.Lambda<Func<Milestone, MilestoneDto>>(Shape.Inline(milestone, Milestone.Overdue.Inline(milestone, now)), milestone);
    }

    /// <summary>The map for an ad-hoc query at the request's clock.</summary>
    public static Expression<Func<Milestone, MilestoneDto>> ProjectionAt(DateTime now) => Projection(Projections.Captured(now));
}
