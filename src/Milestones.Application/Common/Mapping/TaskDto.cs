namespace Milestones.Application.Common.Mapping;

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
}
