using System.Diagnostics.CodeAnalysis;

namespace Milestones.Application.Tasks.Commands.UpdateTask;

/// <summary>
/// The one shape of a partial task update, from the request body to <see cref="UpdateTaskHandler"/>
/// (a task changes through several domain methods, so the shape lives with its use case). An absent
/// field is left unchanged; none can be cleared.
/// </summary>
public sealed record TaskPatch
{
    [DisallowNull]
    public string? Title { get; init; }

    [DisallowNull]
    public bool? Completed { get; init; }

    /// <summary>Moves the task to this live milestone of its project.</summary>
    [DisallowNull]
    public long? MilestoneId { get; init; }

    [DisallowNull]
    public int? Position { get; init; }
}
