using Milestones.Application.Common.Ordering;
using Milestones.Application.Common.Behaviours;
using Milestones.Application.Milestones.Queries.GetMilestone;

namespace Milestones.Application.Milestones.Commands.UpdateMilestone;

/// <summary>A partial update: only the fields sent change; <c>dueDate</c> and <c>goalAmount</c> sent as null are cleared.</summary>
[RequiresScope(Scopes.Write)]
public sealed record UpdateMilestoneCommand(long MilestoneId, MilestoneChanges Patch, IReadOnlyList<string>? ExpectedVersions = null)
    : ICommand<MilestoneDto>, IConditionalCommand, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForMilestoneAsync(MilestoneId, cancellationToken)).RequireEditor("update milestones");

    public IMessage CurrentRepresentationQuery() => new GetMilestoneQuery(MilestoneId);
}

public sealed class UpdateMilestoneValidator : AbstractValidator<UpdateMilestoneCommand>
{
    public UpdateMilestoneValidator()
    {
        RuleFor(x => x.Patch.Title).MilestoneTitle().When(x => x.Patch.Title is not null);
        RuleFor(x => x.Patch.Description).MilestoneDescription();
        RuleFor(x => x.Patch.Position).MilestonePosition();
        RuleFor(x => x.Patch.GoalAmount.HasValue ? x.Patch.GoalAmount.Value : null).GoalAmount().OverridePropertyName("goalAmount");
    }
}

public sealed class UpdateMilestoneHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<UpdateMilestoneCommand, MilestoneDto>
{
    public async ValueTask<MilestoneDto> Handle(UpdateMilestoneCommand command, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == command.MilestoneId, cancellationToken)
            ?? throw new NotFoundException("Milestone", command.MilestoneId);
        var patch = command.Patch;
        if (patch.Title is not null)
        {
            await db.EnsureTitleFreeAsync(milestone.ProjectId, patch.Title, milestone.Id, cancellationToken);
        }

        if (patch.Position is { } position && position != milestone.Position && !milestone.IsDefault)
        {
            await db.MilestoneList(milestone.ProjectId).EnsureMoveSlotAsync(position, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        milestone.Update(patch, now);
        await db.SaveChangesAsync(cancellationToken);
        return await db.MilestoneDtoAsync(milestone.Id, now, cancellationToken);
    }
}
