namespace Milestones.Application.Common.Counters;

/// <summary>
/// Every counter changes by one atomic in-database update (<c>SET x = x + @delta</c>) inside the
/// transaction that causes it, never by read-modify-write in memory, so concurrent requests
/// cannot lose an increment. The same statement moves the row's <c>updatedAt</c> to <c>now</c>: the
/// representation changed (SPEC 5), as its ETag does.
/// </summary>
public static class CounterUpdates
{
    public static Task AdjustMilestoneTasksAsync(this IApplicationDbContext db, long milestoneId, TaskTally delta, DateTime now, CancellationToken ct) =>
        delta == default
            ? Task.CompletedTask
            : db.Milestones.IgnoreQueryFilters().Where(m => m.Id == milestoneId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.TasksTotal, m => m.TasksTotal + delta.Total)
                .SetProperty(m => m.TasksCompleted, m => m.TasksCompleted + delta.Completed)
                .SetProperty(m => m.UpdatedAt, now), ct);

    public static Task AdjustProjectTasksAsync(this IApplicationDbContext db, long projectId, TaskTally delta, DateTime now, CancellationToken ct) =>
        delta == default
            ? Task.CompletedTask
            : db.Projects.IgnoreQueryFilters().Where(p => p.Id == projectId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.TasksTotal, p => p.TasksTotal + delta.Total)
                .SetProperty(p => p.TasksCompleted, p => p.TasksCompleted + delta.Completed)
                .SetProperty(p => p.UpdatedAt, now), ct);

    public static Task AdjustProjectMilestonesAsync(this IApplicationDbContext db, long projectId, int total, int reached, DateTime now, CancellationToken ct) =>
        total == 0 && reached == 0
            ? Task.CompletedTask
            : db.Projects.IgnoreQueryFilters().Where(p => p.Id == projectId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.MilestonesTotal, p => p.MilestonesTotal + total)
                .SetProperty(p => p.MilestonesReached, p => p.MilestonesReached + reached)
                .SetProperty(p => p.UpdatedAt, now), ct);
}

/// <summary>Funding counters: raisedAmount moves by the pledged amount; supportersCount is recounted in the same statement.</summary>
public static class FundingUpdates
{
    /// <summary>
    /// <c>raisedAmount += delta</c> and <c>supportersCount = COUNT(DISTINCT supporter)</c> of the
    /// milestone's unreleased supports, as one atomic UPDATE. <paramref name="releasing"/> names
    /// supports released in this transaction whose new status is not saved yet.
    /// </summary>
    public static Task AdjustFundingAsync(this IApplicationDbContext db, long milestoneId, decimal raisedDelta, DateTime now, CancellationToken ct, IReadOnlyCollection<long>? releasing = null)
    {
        var excluded = releasing ?? [];
        return db.Milestones.IgnoreQueryFilters().Where(m => m.Id == milestoneId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.RaisedAmount, m => m.RaisedAmount + raisedDelta)
            .SetProperty(m => m.SupportersCount, m => db.Supports
                .Where(x => x.MilestoneId == milestoneId && x.Status != Domain.Enums.SupportStatus.Released && !excluded.Contains(x.Id))
                .Select(x => x.SupporterId)
                .Distinct()
                .Count())
            .SetProperty(m => m.UpdatedAt, now), ct);
    }
}
