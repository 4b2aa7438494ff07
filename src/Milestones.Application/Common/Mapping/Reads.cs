using Milestones.Application.Supports;

namespace Milestones.Application.Common.Mapping;

/// <summary>
/// Reads one resource as its DTO; shared by queries and by commands that answer with the changed resource.
/// A task's and a support's reads are compiled once (docs/performance.md); a task's own writes answer from
/// the task they saved instead (<see cref="TaskDto.From"/>), and every pledge ends with the support's read.
/// </summary>
public static class Reads
{
    private static readonly Func<DbContext, long, CancellationToken, Task<TaskDto>> OneTask =
        EF.CompileAsyncQuery((DbContext c, long id, CancellationToken ct) =>
            c.Set<TaskItem>().IgnoreQueryFilters().Where(t => t.Id == id).Select(TaskDto.Projection).First());

    private static readonly Func<DbContext, long, CancellationToken, Task<SupportDto>> OneSupport =
        EF.CompileAsyncQuery((DbContext c, long id, CancellationToken ct) =>
            c.Set<Support>().Where(s => s.Id == id).Select(SupportDto.Projection).First());

    public static async Task<MilestoneDto> MilestoneDtoAsync(this IApplicationDbContext db, long id, DateTime now, CancellationToken ct) =>
        await CompiledMilestoneReads.OneAsync(db, id, now, ct)
        ?? throw new InvalidOperationException($"Milestone {id} was read before it existed.");

    public static Task<ProjectDto> ProjectDtoAsync(this IApplicationDbContext db, long id, CancellationToken ct) =>
        db.Projects.IgnoreQueryFilters().Where(p => p.Id == id).Select(ProjectDto.Projection).FirstAsync(ct);

    public static Task<TaskDto> TaskDtoAsync(this IApplicationDbContext db, long id, CancellationToken ct) =>
        OneTask(Compiled.Context(db), id, ct);

    public static Task<SupportDto> SupportDtoAsync(this IApplicationDbContext db, long id, CancellationToken ct) =>
        OneSupport(Compiled.Context(db), id, ct);
}
