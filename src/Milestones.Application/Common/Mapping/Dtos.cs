using System.Text.Json;

namespace Milestones.Application.Common.Mapping;

public sealed record UserDto
{
    public long Id { get; init; }
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public bool IsAdmin { get; init; }
    public DateTime CreatedAt { get; init; }
}

public record ApiKeyDto
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public string Name { get; init; } = "";
    public string Prefix { get; init; } = "";
    public IReadOnlyList<string> Scopes { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime? LastUsedAt { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; init; }
}

/// <summary>A newly issued key: the only time its secret (<see cref="Key"/>) is ever shown.</summary>
public sealed record CreatedApiKeyDto : ApiKeyDto
{
    public string Key { get; init; } = "";
}

public sealed record ProjectDto
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public Visibility Visibility { get; init; }
    public DeadlinePolicy DeadlinePolicy { get; init; }
    public long OwnerId { get; init; }
    public int MilestonesTotal { get; init; }
    public int MilestonesReached { get; init; }
    public int TasksTotal { get; init; }
    public int TasksCompleted { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

public sealed record MemberDto
{
    public long ProjectId { get; init; }
    public long UserId { get; init; }
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public ProjectRole Role { get; init; }
    public DateTime AddedAt { get; init; }
}

/// <summary>Computed progress: whole percents rounded down; funding is null without a goal.</summary>
public sealed record ProgressDto(int TasksPercent, int? FundingPercent);

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

public sealed record EventDto
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public long? MilestoneId { get; init; }
    public long? TaskId { get; init; }
    public long? ActorId { get; init; }
    public string Type { get; init; } = "";
    public JsonElement Data { get; init; }
    public DateTime OccurredAt { get; init; }
}
