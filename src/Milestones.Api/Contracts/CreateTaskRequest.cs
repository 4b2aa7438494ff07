using System.Diagnostics.CodeAnalysis;

namespace Milestones.Api.Contracts;

/// <summary>A new task; at the end of its milestone unless a position is given.</summary>
public sealed record CreateTaskRequest
{
    [ContractRequired]
    public string? Title { get; init; }

    [DisallowNull]
    public bool? Completed { get; init; }

    [DisallowNull]
    public int? Position { get; init; }
}
