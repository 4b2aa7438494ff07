using System.Linq.Expressions;

namespace Milestones.Application.Common.Ordering;

/// <summary>
/// One ordered list: its live rows, which hold positions 1..N, how to read its last position (a
/// compiled query: every arrival asks it), and the words its 422s use: <paramref name="Name"/> for its
/// rows ("the project's milestones"), <paramref name="LastRow"/> for its last one.
/// </summary>
public sealed record OrderedRows<T>(IQueryable<T> Rows, Func<CancellationToken, Task<int>> LastPositionAsync, string Name, string LastRow)
    where T : class, IOrdered;

/// <summary>
/// The one ordered-list algorithm, for a project's categorised milestones and a milestone's tasks alike:
/// live rows hold positions 1..N. Commands only read it (<see cref="ArrivalSlotAsync"/>,
/// <see cref="EnsureMoveSlotAsync"/>: where a row may go, or 422); the rows around a row that arrived,
/// moved or left shift in the reactions to its domain event (<see cref="OpenAsync"/>,
/// <see cref="CloseAsync"/>, <see cref="MoveAsync"/>), one UPDATE each, inside the cause's transaction.
/// </summary>
public static class OrderedList
{
    private static readonly Func<DbContext, long, CancellationToken, Task<int?>> LastMilestone =
        EF.CompileAsyncQuery((DbContext c, long projectId, CancellationToken ct) =>
            c.Set<Milestone>().Where(m => m.ProjectId == projectId && m.Type == MilestoneType.Categorised).Max(m => (int?)m.Position));

    /// <summary>The last position of a milestone's live tasks (null: it has none), written once for both reads below.</summary>
    private static readonly Expression<Func<DbContext, long, int?>> LastTaskOf = (c, milestoneId) =>
        c.Set<TaskItem>().Where(t => t.MilestoneId == milestoneId).Max(t => (int?)t.Position);

    private static readonly Func<DbContext, long, CancellationToken, Task<int?>> LastTask =
        EF.CompileAsyncQuery(Expression.Lambda<Func<DbContext, long, CancellationToken, int?>>(
            LastTaskOf.Body, [.. LastTaskOf.Parameters, Expression.Parameter(typeof(CancellationToken), "ct")]));

    private static readonly Func<DbContext, long, CancellationToken, Task<MilestoneAndLastTask?>> MilestoneWithLastTask =
        EF.CompileAsyncQuery(MilestoneWithLastTaskQuery());

    /// <summary><c>(c, milestoneId, ct) => c.Set&lt;Milestone&gt;().Where(m => m.Id == milestoneId).Select(m => new MilestoneAndLastTask(m, LastTaskOf(c, m.Id))).FirstOrDefault()</c>.</summary>
    private static Expression<Func<DbContext, long, CancellationToken, MilestoneAndLastTask?>> MilestoneWithLastTaskQuery()
    {
        Expression<Func<DbContext, long, IQueryable<Milestone>>> milestone = (c, milestoneId) => c.Set<Milestone>().Where(m => m.Id == milestoneId);
        var (c, milestoneId, m) = (milestone.Parameters[0], milestone.Parameters[1], Expression.Parameter(typeof(Milestone), "m"));
        var row = Expression.Lambda<Func<Milestone, MilestoneAndLastTask>>(
            Expression.New(typeof(MilestoneAndLastTask).GetConstructors()[0], m, LastTaskOf.Inline(c, Expression.Property(m, nameof(Milestone.Id)))), m);
        var select = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Milestone), typeof(MilestoneAndLastTask)], milestone.Body, Expression.Quote(row));
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(MilestoneAndLastTask)], select);
        return Expression.Lambda<Func<DbContext, long, CancellationToken, MilestoneAndLastTask?>>(first, c, milestoneId, Expression.Parameter(typeof(CancellationToken), "ct"));
    }

    private sealed record MilestoneAndLastTask(Milestone Milestone, int? LastTask);

    /// <summary>
    /// A live milestone, tracked, with the last position of its tasks (0 when it has none), in one statement:
    /// what a task arriving in it needs (<see cref="ArrivalSlot"/>), for the hottest write's one read.
    /// </summary>
    public static async Task<(Milestone? Milestone, int LastTask)> MilestoneForArrivalAsync(this IApplicationDbContext db, long milestoneId, CancellationToken ct) =>
        await MilestoneWithLastTask(Compiled.Context(db), milestoneId, ct) is { } found ? (found.Milestone, found.LastTask ?? 0) : (null, 0);

    /// <summary>The live categorised milestones of a project (the default milestone stays at 0, outside the list).</summary>
    public static OrderedRows<Milestone> MilestoneList(this IApplicationDbContext db, long projectId) => new(
        db.Milestones.Where(m => m.ProjectId == projectId && m.Type == MilestoneType.Categorised),
        async ct => await LastMilestone(Compiled.Context(db), projectId, ct) ?? 0,
        "the project's milestones",
        "the project's last milestone");

    /// <summary>The live tasks of a milestone.</summary>
    public static OrderedRows<TaskItem> TaskList(this IApplicationDbContext db, long milestoneId) => new(
        db.Tasks.Where(t => t.MilestoneId == milestoneId),
        async ct => await LastTask(Compiled.Context(db), milestoneId, ct) ?? 0,
        "the milestone's tasks",
        "the milestone's last task");

    /// <summary>
    /// Where a row arriving in the list goes: at <paramref name="requested"/> (1..last + 1) or after the last;
    /// 422 otherwise. The slot says whether rows already hold it, so an append costs no statement.
    /// </summary>
    public static async Task<Slot> ArrivalSlotAsync<T>(this OrderedRows<T> list, int? requested, CancellationToken ct)
        where T : class, IOrdered =>
        list.ArrivalSlot(requested, await list.LastPositionAsync(ct));

    /// <summary>As <see cref="ArrivalSlotAsync"/>, for a caller that read the list's <paramref name="last"/> position in this transaction.</summary>
    public static Slot ArrivalSlot<T>(this OrderedRows<T> list, int? requested, int last)
        where T : class, IOrdered
    {
        if (requested is not { } position)
        {
            return Positions.After(last)
                ?? throw new ValidationFailedException("position", $"{Capitalized(list.Name)} already reach position {Positions.Max}.");
        }

        return position <= last + 1
            ? new Slot(position, Displaces: position <= last)
            : throw new ValidationFailedException("position", $"position must be between 1 and {last + 1} (one after {list.LastRow}).");
    }

    /// <summary>A move within the list goes to 1..last; 422 otherwise.</summary>
    public static async Task EnsureMoveSlotAsync<T>(this OrderedRows<T> list, int to, CancellationToken ct)
        where T : class, IOrdered
    {
        var last = await list.LastPositionAsync(ct);
        if (to > last)
        {
            throw new ValidationFailedException("position", $"position must be between 1 and {last} ({list.LastRow}).");
        }
    }

    /// <summary><paramref name="arrived"/> took a position others held (<see cref="Slot.Displaces"/>): the rows at and after it move down by one.</summary>
    public static Task OpenAsync<T>(this OrderedRows<T> list, T arrived, CancellationToken ct)
        where T : class, IOrdered =>
        list.Rows.ShiftAsync(arrived.Id, arrived.Position, Positions.Max, +1, ct);

    /// <summary>A row left <paramref name="position"/>: the rows after it move up by one.</summary>
    public static Task CloseAsync<T>(this OrderedRows<T> list, long leftId, int position, CancellationToken ct)
        where T : class, IOrdered =>
        list.Rows.ShiftAsync(leftId, position + 1, Positions.Max, -1, ct);

    /// <summary><paramref name="moved"/> went from <paramref name="from"/> to its position: the rows in between make room.</summary>
    public static Task MoveAsync<T>(this OrderedRows<T> list, T moved, int from, CancellationToken ct)
        where T : class, IOrdered =>
        moved.Position < from ? list.Rows.ShiftAsync(moved.Id, moved.Position, from - 1, +1, ct)
        : moved.Position > from ? list.Rows.ShiftAsync(moved.Id, from + 1, moved.Position, -1, ct)
        : Task.CompletedTask;

    private static Task ShiftAsync<T>(this IQueryable<T> list, long exceptId, int first, int last, int by, CancellationToken ct)
        where T : class, IOrdered =>
        list.Where(r => r.Id != exceptId && r.Position >= first && r.Position <= last)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Position, r => r.Position + by), ct);

    private static string Capitalized(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
