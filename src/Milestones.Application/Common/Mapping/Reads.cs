namespace Milestones.Application.Common.Mapping;

/// <summary>Reads one resource as its DTO; shared by queries and by commands that answer with the changed resource.</summary>
public static class Reads
{
    public static async Task<MilestoneDto> MilestoneDtoAsync(this IApplicationDbContext db, long id, DateTime now, CancellationToken ct) =>
        await CompiledMilestoneReads.OneAsync(db, id, now, ct)
        ?? throw new InvalidOperationException($"Milestone {id} was read before it existed.");

    public static Task<ProjectDto> ProjectDtoAsync(this IApplicationDbContext db, long id, CancellationToken ct) =>
        db.Projects.IgnoreQueryFilters().Where(p => p.Id == id).Select(ProjectDto.Projection).FirstAsync(ct);

    public static Task<TaskDto> TaskDtoAsync(this IApplicationDbContext db, long id, CancellationToken ct) =>
        db.Tasks.IgnoreQueryFilters().Where(t => t.Id == id).Select(TaskDto.Projection).FirstAsync(ct);
}
