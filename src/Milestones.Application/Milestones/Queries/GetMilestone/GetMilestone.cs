namespace Milestones.Application.Milestones.Queries.GetMilestone;

/// <summary>A milestone. A deleted one is visible to project admins only (so they can restore it).</summary>
[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record GetMilestoneQuery(long MilestoneId) : IQuery<MilestoneDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        await access.ForMilestoneAsync(MilestoneId, cancellationToken);
}

public sealed class GetMilestoneHandler(IApplicationDbContext db, ProjectAccess access, TimeProvider clock)
    : IQueryHandler<GetMilestoneQuery, MilestoneDto>
{
    public async ValueTask<MilestoneDto> Handle(GetMilestoneQuery query, CancellationToken cancellationToken)
    {
        var permission = await access.ForMilestoneAsync(query.MilestoneId, cancellationToken);
        var milestone = await db.MilestoneDtoAsync(query.MilestoneId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (milestone.DeletedAt is not null && !permission.IsAdmin)
        {
            throw new NotFoundException("Milestone", query.MilestoneId);
        }

        return milestone;
    }
}
