using System.Diagnostics.CodeAnalysis;
using Milestones.Domain.Enums;

namespace Milestones.Api.Contracts;

/// <summary>A new project; left-out fields take their defaults (private, deadline policy fail).</summary>
public sealed record CreateProjectRequest
{
    [ContractRequired]
    public string? Name { get; init; }

    [DisallowNull]
    public string? Description { get; init; }

    [DisallowNull]
    public Visibility? Visibility { get; init; }

    [DisallowNull]
    public DeadlinePolicy? DeadlinePolicy { get; init; }
}
