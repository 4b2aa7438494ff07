namespace Milestones.Application.Tasks;

internal static class TaskRules
{
    // A milestone's live tasks hold positions 1..N; inserting, moving and deleting keep them so.

    public static async Task<int> LastTaskPositionAsync(this IApplicationDbContext db, long milestoneId, CancellationToken ct) =>
        await db.Tasks.Where(t => t.MilestoneId == milestoneId).MaxAsync(t => (int?)t.Position, ct) ?? 0;

    /// <summary>Where a task arriving in a milestone goes: at <paramref name="requested"/> (1..last + 1), moving the rest down, or last.</summary>
    public static async Task<int> TakeTaskSlotAsync(this IApplicationDbContext db, long milestoneId, int? requested, CancellationToken ct)
    {
        var last = await db.LastTaskPositionAsync(milestoneId, ct);
        if (requested is not { } position)
        {
            return Positions.After(last)
                ?? throw new ValidationFailedException("position", $"The milestone's tasks already reach position {Positions.Max}.");
        }

        if (position > last + 1)
        {
            throw new ValidationFailedException("position", $"position must be between 1 and {last + 1} (one after the milestone's last task).");
        }

        await db.Tasks.Where(t => t.MilestoneId == milestoneId && t.Position >= position)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Position, t => t.Position + 1), ct);
        return position;
    }

    /// <summary>Makes room for <paramref name="task"/> to move to <paramref name="to"/> (1..last) within its milestone.</summary>
    public static async Task ShiftForTaskMoveAsync(this IApplicationDbContext db, TaskItem task, int to, CancellationToken ct)
    {
        var last = await db.LastTaskPositionAsync(task.MilestoneId, ct);
        if (to > last)
        {
            throw new ValidationFailedException("position", $"position must be between 1 and {last} (the milestone's last task).");
        }

        var (from, id) = (task.Position, task.Id);
        var others = db.Tasks.Where(t => t.MilestoneId == task.MilestoneId && t.Id != id);
        if (to < from)
        {
            await others.Where(t => t.Position >= to && t.Position < from).ExecuteUpdateAsync(s => s.SetProperty(t => t.Position, t => t.Position + 1), ct);
        }
        else if (to > from)
        {
            await others.Where(t => t.Position > from && t.Position <= to).ExecuteUpdateAsync(s => s.SetProperty(t => t.Position, t => t.Position - 1), ct);
        }
    }

    /// <summary>Closes the gap a task leaving its milestone (deleted or moved away) leaves behind.</summary>
    public static Task CloseTaskSlotAsync(this IApplicationDbContext db, TaskItem leaving, CancellationToken ct)
    {
        var (milestoneId, position, id) = (leaving.MilestoneId, leaving.Position, leaving.Id);
        return db.Tasks.Where(t => t.MilestoneId == milestoneId && t.Position > position && t.Id != id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Position, t => t.Position - 1), ct);
    }

    public static IRuleBuilderOptions<T, int?> TaskPosition<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, Positions.Max).WithMessage($"position must be between 1 and {Positions.Max}.");
}
