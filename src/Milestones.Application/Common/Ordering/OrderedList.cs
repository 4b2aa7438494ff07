namespace Milestones.Application.Common.Ordering;

/// <summary>
/// The one ordered-list algorithm, for a project's categorised milestones and a milestone's tasks alike:
/// live rows hold positions 1..N. Commands only read it (<see cref="ArrivalSlotAsync"/>,
/// <see cref="EnsureMoveSlotAsync"/>: where a row may go, or 422); the rows around a row that arrived,
/// moved or left shift in the reactions to its domain event (<see cref="OpenAsync"/>,
/// <see cref="CloseAsync"/>, <see cref="MoveAsync"/>), one UPDATE each, inside the cause's transaction.
/// </summary>
public static class OrderedList
{
    /// <summary>The live categorised milestones of a project (the default milestone stays at 0, outside the list).</summary>
    public static IQueryable<Milestone> MilestoneList(this IApplicationDbContext db, long projectId) =>
        db.Milestones.Where(m => m.ProjectId == projectId && m.Type == MilestoneType.Categorised);

    /// <summary>The live tasks of a milestone.</summary>
    public static IQueryable<TaskItem> TaskList(this IApplicationDbContext db, long milestoneId) =>
        db.Tasks.Where(t => t.MilestoneId == milestoneId);

    /// <summary>The last position taken (0 when the list is empty).</summary>
    public static async Task<int> LastPositionAsync<T>(this IQueryable<T> list, CancellationToken ct)
        where T : class, IOrdered =>
        await list.MaxAsync(r => (int?)r.Position, ct) ?? 0;

    /// <summary>
    /// Where a row arriving in the list goes: at <paramref name="requested"/> (1..last + 1) or after the last;
    /// 422 otherwise. <paramref name="rows"/> names the list's rows ("the project's milestones"), <paramref name="row"/>
    /// its last one. The slot says whether rows already hold it, so an append costs no statement.
    /// </summary>
    public static async Task<Slot> ArrivalSlotAsync<T>(this IQueryable<T> list, int? requested, string rows, string row, CancellationToken ct)
        where T : class, IOrdered
    {
        var last = await list.LastPositionAsync(ct);
        if (requested is not { } position)
        {
            return Positions.After(last)
                ?? throw new ValidationFailedException("position", $"{Capitalized(rows)} already reach position {Positions.Max}.");
        }

        return position <= last + 1
            ? new Slot(position, Displaces: position <= last)
            : throw new ValidationFailedException("position", $"position must be between 1 and {last + 1} (one after {row}).");
    }

    /// <summary>A move within the list goes to 1..last; 422 otherwise.</summary>
    public static async Task EnsureMoveSlotAsync<T>(this IQueryable<T> list, int to, string row, CancellationToken ct)
        where T : class, IOrdered
    {
        var last = await list.LastPositionAsync(ct);
        if (to > last)
        {
            throw new ValidationFailedException("position", $"position must be between 1 and {last} ({row}).");
        }
    }

    /// <summary><paramref name="arrived"/> took a position others held (<see cref="Slot.Displaces"/>): the rows at and after it move down by one.</summary>
    public static Task OpenAsync<T>(this IQueryable<T> list, T arrived, CancellationToken ct)
        where T : class, IOrdered =>
        list.ShiftAsync(arrived.Id, arrived.Position, Positions.Max, +1, ct);

    /// <summary>A row left <paramref name="position"/>: the rows after it move up by one.</summary>
    public static Task CloseAsync<T>(this IQueryable<T> list, long leftId, int position, CancellationToken ct)
        where T : class, IOrdered =>
        list.ShiftAsync(leftId, position + 1, Positions.Max, -1, ct);

    /// <summary><paramref name="moved"/> went from <paramref name="from"/> to its position: the rows in between make room.</summary>
    public static Task MoveAsync<T>(this IQueryable<T> list, T moved, int from, CancellationToken ct)
        where T : class, IOrdered =>
        moved.Position < from ? list.ShiftAsync(moved.Id, moved.Position, from - 1, +1, ct)
        : moved.Position > from ? list.ShiftAsync(moved.Id, from + 1, moved.Position, -1, ct)
        : Task.CompletedTask;

    private static Task ShiftAsync<T>(this IQueryable<T> list, long exceptId, int first, int last, int by, CancellationToken ct)
        where T : class, IOrdered =>
        list.Where(r => r.Id != exceptId && r.Position >= first && r.Position <= last)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Position, r => r.Position + by), ct);

    private static string Capitalized(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
