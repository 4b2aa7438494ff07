using System.Diagnostics.CodeAnalysis;
using Milestones.Application.Tasks.Commands.UpdateTask;

namespace Milestones.Api.Contracts;

// A partial update on the wire: an absent field is left unchanged; none can be cleared (null is refused).
// (A plain comment: a <summary> would become a description in the OpenAPI document.)
public sealed record TaskPatch
{
    [DisallowNull]
    public string? Title { get; init; }

    [DisallowNull]
    public bool? Completed { get; init; }

    // Moves the task to this live milestone of its project.
    [DisallowNull]
    public long? MilestoneId { get; init; }

    [DisallowNull]
    public int? Position { get; init; }

    public UpdateTaskCommand ToCommand(long taskId, IReadOnlyList<string>? expectedVersions) =>
        new(taskId, new TaskChanges { Title = Title, Completed = Completed, MilestoneId = MilestoneId, Position = Position }, expectedVersions);
}
