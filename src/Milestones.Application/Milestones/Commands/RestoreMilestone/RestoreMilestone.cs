using Milestones.Application.Common.Ordering;
namespace Milestones.Application.Milestones.Commands.RestoreMilestone;

/// <summary>Brings a deleted milestone back (admins only); 409 when its title was taken meanwhile.</summary>
[RequiresScope(Scopes.Write)]
public sealed record RestoreMilestoneCommand(long MilestoneId) : ICommand<MilestoneDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForMilestoneAsync(MilestoneId, cancellationToken)).RequireAdmin("restore milestones");
}

public sealed class RestoreMilestoneHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<RestoreMilestoneCommand, MilestoneDto>
{
    public async ValueTask<MilestoneDto> Handle(RestoreMilestoneCommand command, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Id == command.MilestoneId, cancellationToken)
            ?? throw new NotFoundException("Milestone", command.MilestoneId);
        if (milestone.IsDeleted)
        {
            await db.EnsureTitleFreeAsync(milestone.ProjectId, milestone.Title, milestone.Id, cancellationToken);
        }

        milestone.Restore();
        if (!milestone.IsDefault)
        {
            // Back after the project's last milestone: its old place was closed when it left.
            milestone.Reposition((await db.MilestoneList(milestone.ProjectId).ArrivalSlotAsync(null, cancellationToken)).Position);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.MilestoneDtoAsync(milestone.Id, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
