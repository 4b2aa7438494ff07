namespace Milestones.Application.Common.Counters;

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
