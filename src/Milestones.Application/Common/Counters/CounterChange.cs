namespace Milestones.Application.Common.Counters;

/// <summary>Which two counters of which row a <see cref="CounterChange"/> adds to.</summary>
public enum CounterPair
{
    /// <summary>A milestone's tasksTotal and tasksCompleted.</summary>
    MilestoneTasks,

    /// <summary>A project's tasksTotal and tasksCompleted.</summary>
    ProjectTasks,

    /// <summary>A project's milestonesTotal and milestonesReached.</summary>
    ProjectMilestones,
}

/// <summary>
/// Adds <paramref name="First"/> and <paramref name="Second"/> to the <paramref name="Pair"/> of row
/// <paramref name="Id"/>. Every counter changes by one atomic in-database update (<c>SET x = x + @delta</c>)
/// inside the transaction that causes it, never by read-modify-write in memory, so concurrent requests
/// cannot lose an increment; the same statement moves the row's <c>updatedAt</c> to <c>now</c>: the
/// representation changed (SPEC 5), as its ETag does. The changes of one cause go to the database as
/// one command (<see cref="IApplicationDbContext.AddToCountersAsync"/>).
/// </summary>
public readonly record struct CounterChange(CounterPair Pair, long Id, int First, int Second)
{
    public bool IsNone => First == 0 && Second == 0;

    public static CounterChange MilestoneTasks(long milestoneId, TaskTally delta) => new(CounterPair.MilestoneTasks, milestoneId, delta.Total, delta.Completed);

    public static CounterChange ProjectTasks(long projectId, TaskTally delta) => new(CounterPair.ProjectTasks, projectId, delta.Total, delta.Completed);

    public static CounterChange ProjectMilestones(long projectId, int total, int reached) => new(CounterPair.ProjectMilestones, projectId, total, reached);
}
