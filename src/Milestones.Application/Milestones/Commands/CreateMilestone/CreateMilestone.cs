using Milestones.Application.Common.Models;

namespace Milestones.Application.Milestones.Commands.CreateMilestone;

public sealed record NewTask(string Title, bool Completed);

[RequiresScope(Scopes.Write)]
public sealed record CreateMilestoneCommand(
    long ProjectId,
    string Title,
    string? Description,
    string? Status,
    string? Color,
    DateTime? DueDate,
    int? Position,
    decimal? GoalAmount,
    IReadOnlyList<NewTask>? Tasks) : ICommand<MilestoneDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForProjectAsync(ProjectId, cancellationToken)).RequireEditor("create milestones");
}

public sealed class CreateMilestoneValidator : AbstractValidator<CreateMilestoneCommand>
{
    public const int MaxTasks = 100;

    public CreateMilestoneValidator()
    {
        RuleFor(x => x.Title).NotNull().WithMessage("title is required.").MilestoneTitle();
        RuleFor(x => x.Description).MilestoneDescription();
        RuleFor(x => x.Status).OneOf<CreateMilestoneCommand, MilestoneStatus>("status");
        RuleFor(x => x.Color).OneOf<CreateMilestoneCommand, MilestoneColor>("color");
        RuleFor(x => x.Position).MilestonePosition();
        RuleFor(x => x.GoalAmount).GoalAmount();
        RuleFor(x => x.Tasks).Must(t => t is null || t.Count <= MaxTasks)
            .WithMessage($"A milestone can be created with at most {MaxTasks} tasks.");
        RuleForEach(x => x.Tasks).ChildRules(task =>
        {
            task.RuleFor(t => t).NotNull().WithMessage("A task cannot be null.");
            task.RuleFor(t => t.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("title is required.")
                .MaximumLength(TaskItem.TitleMaxLength).WithMessage($"title must be at most {TaskItem.TitleMaxLength} characters.");
        });
    }
}

/// <summary>Creates a milestone (admins and achievers), at the end unless a position is given, with its optional tasks, in one transaction.</summary>
public sealed class CreateMilestoneHandler(IApplicationDbContext db, IMapper mapper, IUser caller, TimeProvider clock)
    : ICommandHandler<CreateMilestoneCommand, MilestoneDto>
{
    public async ValueTask<MilestoneDto> Handle(CreateMilestoneCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureTitleFreeAsync(command.ProjectId, command.Title, null, cancellationToken);

        var position = await db.TakeMilestoneSlotAsync(command.ProjectId, command.Position, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var milestone = Milestone.Create(
            command.ProjectId,
            command.Title.Trim(),
            command.Description,
            MilestoneRules.ParseStatus(command.Status) ?? MilestoneStatus.Pending,
            EnumValues<MilestoneColor>.ParseOrNull(command.Color) ?? MilestoneColor.Default,
            command.DueDate,
            position,
            command.GoalAmount,
            caller.Id!.Value,
            now);
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(cancellationToken);

        if (command.Tasks is { Count: > 0 } tasks)
        {
            for (var i = 0; i < tasks.Count; i++)
            {
                db.Tasks.Add(TaskItem.Create(milestone, tasks[i].Title.Trim(), tasks[i].Completed, i + 1, now));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return await db.MilestoneDtoAsync(mapper, milestone.Id, now, cancellationToken);
    }
}
