namespace Milestones.Application.Common.Mapping;

public sealed record SupportDto
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public long MilestoneId { get; init; }
    public long SupporterId { get; init; }
    public decimal Amount { get; init; }
    public string Message { get; init; } = "";
    public SupportStatus Status { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ResolvedAt { get; init; }
}
