using Milestones.Application.Common.Models;

namespace Milestones.Application.Milestones;

/// <summary>Checks shared by the milestone use cases, kept in one place.</summary>
public static class MilestoneRules
{
    /// <summary>The largest goal that fits decimal(18,2).</summary>
    public const decimal MaxGoalAmount = 9_999_999_999_999_999.99m;

    /// <summary>409 when another live milestone of the project already has this title (case-insensitively).</summary>
    public static async Task EnsureTitleFreeAsync(this IApplicationDbContext db, long projectId, string title, long? exceptId, CancellationToken ct)
    {
        var normalized = Milestone.NormalizeTitle(title);
        if (await db.Milestones.AnyAsync(m => m.ProjectId == projectId && m.NormalizedTitle == normalized && m.Id != exceptId, ct))
        {
            throw new ConflictException($"A milestone titled '{title.Trim()}' already exists in this project.");
        }
    }

    public static IRuleBuilderOptions<T, string?> MilestoneTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Name("title", Milestone.TitleMaxLength);

    public static IRuleBuilderOptions<T, string?> MilestoneDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.FreeText("description", Milestone.DescriptionMaxLength);

    public static IRuleBuilderOptions<T, decimal?> GoalAmount<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.MoneyAmount("goalAmount", MaxGoalAmount);

    public static IRuleBuilderOptions<T, int?> MilestonePosition<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, Positions.Max).WithMessage($"position must be between 1 and {Positions.Max} (0 belongs to the default milestone).");
}
