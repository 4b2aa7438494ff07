using System.Linq.Expressions;

namespace Milestones.Application.Tasks;

public sealed record TaskDto
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public long MilestoneId { get; init; }
    public string Title { get; init; } = "";
    public bool Completed { get; init; }
    public DateTime? CompletedAt { get; init; }
    public int Position { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    /// <summary>The one map from a task: EF Core reads only these columns (a saved task is read back, never mapped in memory: docs/performance.md).</summary>
    public static readonly Expression<Func<TaskItem, TaskDto>> Projection = t => new TaskDto
    {
        Id = t.Id,
        ProjectId = t.ProjectId,
        MilestoneId = t.MilestoneId,
        Title = t.Title,
        Completed = t.Completed,
        CompletedAt = t.CompletedAt,
        Position = t.Position,
        CreatedAt = t.CreatedAt,
        UpdatedAt = t.UpdatedAt,
    };
}
