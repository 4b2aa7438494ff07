namespace Milestones.Domain.Common;

/// <summary>How many tasks, and how many of them completed: the unit every task counter moves by.</summary>
public readonly record struct TaskTally(int Total, int Completed)
{
    public static TaskTally Of(bool completed) => new(1, completed ? 1 : 0);

    public static TaskTally operator -(TaskTally tally) => new(-tally.Total, -tally.Completed);
}
