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

    /// <summary>The one map from a task: EF Core reads only these columns; <see cref="From"/> runs it on a task just saved.</summary>
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

    private static readonly Func<TaskItem, TaskDto> InMemory = Projection.Compile();

    /// <summary>
    /// A task as it was just saved, which is what a read of its row returns: no database default or trigger
    /// fills a column, a task has no decimals, and its instants read back to the millisecond the contract shows
    /// (PostgreSQL keeps microseconds, and Npgsql cuts the ticks below them rather than rounding;
    /// <c>CreatedLocationTests</c> writes one 0.5 µs before a millisecond).
    /// </summary>
    public static TaskDto From(TaskItem task) => InMemory(task);
}
