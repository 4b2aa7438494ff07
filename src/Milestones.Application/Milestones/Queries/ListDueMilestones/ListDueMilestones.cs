namespace Milestones.Application.Milestones.Queries.ListDueMilestones;

/// <summary>
/// One bounded batch of ids of live, open milestones of live projects whose due date has passed, after
/// <paramref name="AfterId"/> (a keyset cursor), so a sweep never loads all of them at once.
/// </summary>
[SystemOnly]
public sealed record ListDueMilestonesQuery(long AfterId, int BatchSize) : IQuery<IReadOnlyList<long>>;

public sealed class ListDueMilestonesHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<ListDueMilestonesQuery, IReadOnlyList<long>>
{
    public async ValueTask<IReadOnlyList<long>> Handle(ListDueMilestonesQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Milestones
            .Where(Milestone.Overdue.At(now))
            .Where(m => m.Id > query.AfterId && m.Project!.DeletedAt == null)
            // Under flag a milestone's miss is recorded once; under fail it is due until it fails.
            .Where(m => m.Project!.DeadlinePolicy == DeadlinePolicy.Fail || m.DeadlineMissedAt == null)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(query.BatchSize)
            .ToListAsync(cancellationToken);
    }
}
