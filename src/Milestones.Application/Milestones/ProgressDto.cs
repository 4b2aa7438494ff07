namespace Milestones.Application.Milestones;

/// <summary>Computed progress: whole percents rounded down; funding is null without a goal.</summary>
public sealed record ProgressDto(int TasksPercent, int? FundingPercent);
