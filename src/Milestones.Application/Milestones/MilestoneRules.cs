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
        rule.Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("title cannot be empty.")
            .MaximumLength(Milestone.TitleMaxLength).WithMessage($"title must be at most {Milestone.TitleMaxLength} characters.");

    public static IRuleBuilderOptions<T, string?> MilestoneDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Milestone.DescriptionMaxLength).WithMessage($"description must be at most {Milestone.DescriptionMaxLength} characters.");

    public static IRuleBuilderOptions<T, decimal?> GoalAmount<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.Must(g => g is null || g > 0).WithMessage("goalAmount must be greater than 0.")
            .Must(g => g is null || g <= MaxGoalAmount).WithMessage($"goalAmount must be at most {MaxGoalAmount.ToString(System.Globalization.CultureInfo.InvariantCulture)}.")
            .Must(g => g is null || g > MaxGoalAmount || Money.HasAtMostTwoDecimals(g.Value)).WithMessage(Money.TooManyDecimals("goalAmount"));

    public static IRuleBuilderOptions<T, int?> MilestonePosition<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, Positions.Max).WithMessage($"position must be between 1 and {Positions.Max} (0 belongs to the default milestone).");

    // Live categorised milestones hold positions 1..N (the default milestone stays at 0). Inserting,
    // moving, deleting and restoring keep them so, by shifting the others with one UPDATE each.

    private static IQueryable<Milestone> Ranked(this IApplicationDbContext db, long projectId) =>
        db.Milestones.Where(m => m.ProjectId == projectId && m.Type == MilestoneType.Categorised);

    /// <summary>The last position taken among the project's live categorised milestones (0 when none).</summary>
    public static async Task<int> LastMilestonePositionAsync(this IApplicationDbContext db, long projectId, CancellationToken ct) =>
        await db.Ranked(projectId).MaxAsync(m => (int?)m.Position, ct) ?? 0;

    /// <summary>
    /// Where a new milestone goes: at <paramref name="requested"/> (1..last + 1), moving those at and after
    /// it down by one, or after the last one; 422 otherwise.
    /// </summary>
    public static async Task<int> TakeMilestoneSlotAsync(this IApplicationDbContext db, long projectId, int? requested, CancellationToken ct)
    {
        var last = await db.LastMilestonePositionAsync(projectId, ct);
        if (requested is not { } position)
        {
            return Positions.After(last)
                ?? throw new ValidationFailedException("position", $"The project's milestones already reach position {Positions.Max}.");
        }

        if (position > last + 1)
        {
            throw new ValidationFailedException("position", $"position must be between 1 and {last + 1} (one after the project's last milestone).");
        }

        await db.Ranked(projectId).Where(m => m.Position >= position)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Position, m => m.Position + 1), ct);
        return position;
    }

    /// <summary>Makes room for <paramref name="milestone"/> to move to <paramref name="to"/> (1..last) by shifting those in between.</summary>
    public static async Task ShiftForMilestoneMoveAsync(this IApplicationDbContext db, Milestone milestone, int to, CancellationToken ct)
    {
        var last = await db.LastMilestonePositionAsync(milestone.ProjectId, ct);
        if (to > last)
        {
            throw new ValidationFailedException("position", $"position must be between 1 and {last} (the project's last milestone).");
        }

        var (from, id) = (milestone.Position, milestone.Id);
        var others = db.Ranked(milestone.ProjectId).Where(m => m.Id != id);
        if (to < from)
        {
            await others.Where(m => m.Position >= to && m.Position < from).ExecuteUpdateAsync(s => s.SetProperty(m => m.Position, m => m.Position + 1), ct);
        }
        else if (to > from)
        {
            await others.Where(m => m.Position > from && m.Position <= to).ExecuteUpdateAsync(s => s.SetProperty(m => m.Position, m => m.Position - 1), ct);
        }
    }

    /// <summary>Closes the gap a leaving milestone (deleted) leaves at <paramref name="position"/>.</summary>
    public static Task CloseMilestoneSlotAsync(this IApplicationDbContext db, Milestone leaving, CancellationToken ct)
    {
        var (position, id) = (leaving.Position, leaving.Id);
        return db.Ranked(leaving.ProjectId).Where(m => m.Position > position && m.Id != id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Position, m => m.Position - 1), ct);
    }
}
