namespace Milestones.Application.Tasks.Commands.UpdateTask;

/// <summary>
/// A partial task update, for <see cref="UpdateTaskHandler"/>
/// (a task changes through several domain methods, so the shape lives with its use case). An absent
/// field is left unchanged; none can be cleared.
/// </summary>
public sealed record TaskChanges
{
    public string? Title { get; init; }

    public bool? Completed { get; init; }

    /// <summary>Moves the task to this live milestone of its project.</summary>
    public long? MilestoneId { get; init; }

    public int? Position { get; init; }
}
