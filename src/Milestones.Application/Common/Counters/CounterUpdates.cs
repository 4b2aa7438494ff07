using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Interfaces;

namespace Milestones.Application.Common.Counters;

/// <summary>
/// Every counter changes by one atomic in-database update (<c>SET x = x + @delta</c>) inside the
/// transaction that causes it, never by read-modify-write in memory, so concurrent requests
/// cannot lose an increment.
/// </summary>
public static class CounterUpdates
{
    public static Task AdjustMilestoneTasksAsync(this IApplicationDbContext db, long milestoneId, int total, int completed, CancellationToken ct) =>
        total == 0 && completed == 0
            ? Task.CompletedTask
            : db.Milestones.IgnoreQueryFilters().Where(m => m.Id == milestoneId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.TasksTotal, m => m.TasksTotal + total)
                .SetProperty(m => m.TasksCompleted, m => m.TasksCompleted + completed), ct);

    public static Task AdjustProjectTasksAsync(this IApplicationDbContext db, long projectId, int total, int completed, CancellationToken ct) =>
        total == 0 && completed == 0
            ? Task.CompletedTask
            : db.Projects.IgnoreQueryFilters().Where(p => p.Id == projectId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.TasksTotal, p => p.TasksTotal + total)
                .SetProperty(p => p.TasksCompleted, p => p.TasksCompleted + completed), ct);

    public static Task AdjustProjectMilestonesAsync(this IApplicationDbContext db, long projectId, int total, int reached, CancellationToken ct) =>
        total == 0 && reached == 0
            ? Task.CompletedTask
            : db.Projects.IgnoreQueryFilters().Where(p => p.Id == projectId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.MilestonesTotal, p => p.MilestonesTotal + total)
                .SetProperty(p => p.MilestonesReached, p => p.MilestonesReached + reached), ct);
}
