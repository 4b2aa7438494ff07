namespace Milestones.Application.Common.Mapping;

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
}
