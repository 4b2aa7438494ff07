namespace Milestones.Application.Milestones.Queries.GetMilestone;

/// <summary>
/// A milestone. A deleted one is visible to project admins only (so they can restore it). The handler
/// checks access itself, from the facts it reads with the milestone in one statement (the hottest read:
/// docs/performance.md), with the rules and in the order the pipeline's check would apply them.
/// </summary>
[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record GetMilestoneQuery(long MilestoneId) : IQuery<MilestoneDto>;

public sealed class GetMilestoneHandler(IApplicationDbContext db, ProjectAccess access, IUser user, TimeProvider clock)
    : IQueryHandler<GetMilestoneQuery, MilestoneDto>
{
    public async ValueTask<MilestoneDto> Handle(GetMilestoneQuery query, CancellationToken cancellationToken)
    {
        var found = await CompiledMilestoneReads.OneWithAccessAsync(db, query.MilestoneId, user.Id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        access.ForMilestone(query.MilestoneId, found?.Access); // 404 when missing, private to the caller, or deleted and the caller no admin
        return found!.Milestone;
    }
}
