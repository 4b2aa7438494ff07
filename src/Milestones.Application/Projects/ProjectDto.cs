using System.Linq.Expressions;

namespace Milestones.Application.Projects;

public sealed record ProjectDto
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public Visibility Visibility { get; init; }
    public DeadlinePolicy DeadlinePolicy { get; init; }
    public long OwnerId { get; init; }
    public int MilestonesTotal { get; init; }
    public int MilestonesReached { get; init; }
    public int TasksTotal { get; init; }
    public int TasksCompleted { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    /// <summary>The one map from a project.</summary>
    public static readonly Expression<Func<Project, ProjectDto>> Projection = p => new ProjectDto
    {
        Id = p.Id,
        Name = p.Name,
        Description = p.Description,
        Visibility = p.Visibility,
        DeadlinePolicy = p.DeadlinePolicy,
        OwnerId = p.OwnerId,
        MilestonesTotal = p.MilestonesTotal,
        MilestonesReached = p.MilestonesReached,
        TasksTotal = p.TasksTotal,
        TasksCompleted = p.TasksCompleted,
        CreatedAt = p.CreatedAt,
        UpdatedAt = p.UpdatedAt,
    };
}
