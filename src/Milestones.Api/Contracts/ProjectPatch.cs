using System.Diagnostics.CodeAnalysis;
using Milestones.Application.Projects.Commands.UpdateProject;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Api.Contracts;

// A partial project update on the wire: an absent field is left unchanged; none can be cleared.
// (A plain comment: a <summary> would become a description in the OpenAPI document.)
public sealed record ProjectPatch
{
    [DisallowNull]
    public string? Name { get; init; }

    [DisallowNull]
    public string? Description { get; init; }

    [DisallowNull]
    public Visibility? Visibility { get; init; }

    [DisallowNull]
    public DeadlinePolicy? DeadlinePolicy { get; init; }

    public UpdateProjectCommand ToCommand(long projectId, IReadOnlyList<string>? expectedVersions) =>
        new(projectId, new ProjectChanges { Name = Name, Description = Description, Visibility = Visibility, DeadlinePolicy = DeadlinePolicy }, expectedVersions);
}
