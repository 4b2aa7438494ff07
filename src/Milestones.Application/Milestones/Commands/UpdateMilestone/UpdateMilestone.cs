using Milestones.Application.Common.Behaviours;
using Milestones.Application.Common.Models;
using Milestones.Application.Milestones.Queries.GetMilestone;

namespace Milestones.Application.Milestones.Commands.UpdateMilestone;

/// <summary>A partial update: only the fields sent change; <c>dueDate</c> and <c>goalAmount</c> sent as null are cleared.</summary>
[RequiresScope(Scopes.Write)]
public sealed record UpdateMilestoneCommand(long MilestoneId) : ICommand<MilestoneDto>, IConditionalCommand, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForMilestoneAsync(MilestoneId, cancellationToken)).RequireEditor("update milestones");

    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Status { get; init; }
    public string? Color { get; init; }
    public int? Position { get; init; }
    public Optional<DateTime?> DueDate { get; init; }
    public Optional<decimal?> GoalAmount { get; init; }
    public IReadOnlyList<string>? ExpectedVersions { get; init; }

    public IMessage CurrentRepresentationQuery() => new GetMilestoneQuery(MilestoneId);
}

public sealed class UpdateMilestoneValidator : AbstractValidator<UpdateMilestoneCommand>
{
    public UpdateMilestoneValidator()
    {
        RuleFor(x => x.Title).MilestoneTitle().When(x => x.Title is not null);
        RuleFor(x => x.Description).MilestoneDescription();
        RuleFor(x => x.Status).OneOf<UpdateMilestoneCommand, MilestoneStatus>("status");
        RuleFor(x => x.Color).OneOf<UpdateMilestoneCommand, MilestoneColor>("color");
        RuleFor(x => x.Position).MilestonePosition();
        RuleFor(x => x.GoalAmount.HasValue ? x.GoalAmount.Value : null).GoalAmount().OverridePropertyName("goalAmount");
    }
}

public sealed class UpdateMilestoneHandler(IApplicationDbContext db, IMapper mapper, TimeProvider clock)
    : ICommandHandler<UpdateMilestoneCommand, MilestoneDto>
{
    public async ValueTask<MilestoneDto> Handle(UpdateMilestoneCommand command, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == command.MilestoneId, cancellationToken)
            ?? throw new NotFoundException("Milestone", command.MilestoneId);
        if (command.Title is not null)
        {
            await db.EnsureTitleFreeAsync(milestone.ProjectId, command.Title, milestone.Id, cancellationToken);
        }

        if (command.Position is { } position && position != milestone.Position && !milestone.IsDefault)
        {
            await db.ShiftForMilestoneMoveAsync(milestone, position, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        milestone.Update(new MilestonePatch
        {
            Title = command.Title?.Trim(),
            Description = command.Description,
            Color = EnumValues<MilestoneColor>.ParseOrNull(command.Color),
            Position = command.Position,
            Status = MilestoneRules.ParseStatus(command.Status),
            DueDate = command.DueDate,
            GoalAmount = command.GoalAmount,
        }, now);
        await db.SaveChangesAsync(cancellationToken);
        return await db.MilestoneDtoAsync(mapper, milestone.Id, now, cancellationToken);
    }
}
