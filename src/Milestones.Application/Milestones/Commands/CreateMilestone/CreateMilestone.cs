using Milestones.Application.Common.Ordering;

namespace Milestones.Application.Milestones.Commands.CreateMilestone;

/// <summary>A task created with its milestone.</summary>
public sealed record TaskDraft(string? Title, bool? Completed);

/// <summary>
/// A new milestone (<see cref="MilestoneDraft"/>), at <paramref name="Position"/> or after the project's
/// last one, with its optional tasks.
/// </summary>
[RequiresScope(Scopes.Write)]
public sealed record CreateMilestoneCommand(long ProjectId, MilestoneDraft Milestone, int? Position = null, IReadOnlyList<TaskDraft>? Tasks = null)
    : ICommand<MilestoneDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForProjectAsync(ProjectId, cancellationToken)).RequireEditor("create milestones");
}

public sealed class CreateMilestoneValidator : AbstractValidator<CreateMilestoneCommand>
{
    public const int MaxTasks = 100;

    public CreateMilestoneValidator()
    {
        RuleFor(x => x.Milestone.Title).NotNull().WithMessage("title is required.").MilestoneTitle();
        RuleFor(x => x.Milestone.Description).MilestoneDescription();
        RuleFor(x => x.Position).MilestonePosition();
        RuleFor(x => x.Milestone.GoalAmount).GoalAmount();
        RuleFor(x => x.Tasks).SetValidator(new MaxItemsOf<CreateMilestoneCommand, TaskDraft>(MaxTasks))
            .WithMessage($"A milestone can be created with at most {MaxTasks} tasks.");
        RuleForEach(x => x.Tasks)
            .NotNull().WithMessage("A task cannot be null.")
            .ChildRules(task => task.RuleFor(t => t.Title).NewTaskTitle());
    }
}

/// <summary>Creates a milestone (admins and achievers), at the end unless a position is given, with its optional tasks, in one transaction.</summary>
public sealed class CreateMilestoneHandler(IApplicationDbContext db, IUser caller, TimeProvider clock)
    : ICommandHandler<CreateMilestoneCommand, MilestoneDto>
{
    public async ValueTask<MilestoneDto> Handle(CreateMilestoneCommand command, CancellationToken cancellationToken)
    {
        var title = command.Milestone.Title!.Trim();
        await db.EnsureTitleFreeAsync(command.ProjectId, title, null, cancellationToken);

        var position = await db.MilestoneList(command.ProjectId).ArrivalSlotAsync(command.Position, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var milestone = Milestone.Create(command.ProjectId, command.Milestone with { Title = title }, position, caller.Id!.Value, now);
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(cancellationToken);

        if (command.Tasks is { Count: > 0 } tasks)
        {
            for (var i = 0; i < tasks.Count; i++)
            {
                db.Tasks.Add(TaskItem.Create(milestone, tasks[i].Title!.Trim(), tasks[i].Completed ?? false, i + 1, now));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return await db.MilestoneDtoAsync(milestone.Id, now, cancellationToken);
    }
}
