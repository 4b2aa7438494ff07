using System.Linq.Expressions;

namespace Milestones.Application.Supports;

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

    /// <summary>The one map from a pledge.</summary>
    public static readonly Expression<Func<Support, SupportDto>> Projection = s => new SupportDto
    {
        Id = s.Id,
        ProjectId = s.ProjectId,
        MilestoneId = s.MilestoneId,
        SupporterId = s.SupporterId,
        Amount = s.Amount,
        Message = s.Message,
        Status = s.Status,
        CreatedAt = s.CreatedAt,
        ResolvedAt = s.ResolvedAt,
    };
}
