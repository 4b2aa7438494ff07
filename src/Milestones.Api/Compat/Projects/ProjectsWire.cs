using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Milestones;
using Milestones.Application.Milestones.Commands.CreateMilestone;
using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Api.Compat.Projects;

// Seed 002's wire: ids read ms_<id> and proj_<id> (accepted with or without the prefix); statuses are
// pending | in_progress | reached, and a failed milestone reads failed.

public sealed record ProjectsEnvelope<T>(T Data);

public sealed record ProjectsList(IReadOnlyList<ProjectsMilestone> Data, int Count);

public sealed record ProjectsMilestone(
    string Id, string ProjectId, string Title, string Description, MilestoneStatus Status, DateTime? DueDate, DateTime? ReachedAt, DateTime CreatedAt)
{
    public const string MilestonePrefix = "ms_";
    public const string ProjectPrefix = "proj_";

    public static string MilestoneId(long id) => MilestonePrefix + id.ToString(CultureInfo.InvariantCulture);

    public static ProjectsMilestone From(MilestoneDto m) => new(
        MilestoneId(m.Id), ProjectPrefix + m.ProjectId.ToString(CultureInfo.InvariantCulture), m.Title, m.Description, m.Status, m.DueDate, m.ReachedAt, m.CreatedAt);
}

public sealed record ProjectsDeleted(string Id, bool Deleted);

// POST body: projectId and title are required; description defaults to "", status to pending, dueDate to null.
public sealed record NewProjectsMilestone
{
    public string? ProjectId { get; init; }

    public string? Title { get; init; }

    [DisallowNull]
    public string? Description { get; init; }

    [DisallowNull]
    public MilestoneStatus? Status { get; init; }

    public DateTime? DueDate { get; init; }

    public MilestoneDraft ToDraft() => new() { Title = Title, Description = Description, Status = Status, DueDate = DueDate };
}

// PATCH body: only the fields sent change. id, projectId and createdAt, the seed's immutable fields, are
// not properties of it: sending one is the edge's 400 naming it, which ProjectsDialect words as the seed's rule.
public sealed record ProjectsMilestonePatch
{
    [DisallowNull]
    public string? Title { get; init; }

    [DisallowNull]
    public string? Description { get; init; }

    [DisallowNull]
    public MilestoneStatus? Status { get; init; }

    public Optional<DateTime?> DueDate { get; init; }

    public MilestoneChanges ToChanges() => new() { Title = Title, Description = Description, Status = Status, DueDate = DueDate };
}
