using Milestones.Application.Common.Ordering;
using System.Diagnostics.CodeAnalysis;
using Milestones.Application.Common.Models;

namespace Milestones.Application.Milestones.Commands.CreateMilestone;

/// <summary>A task created with its milestone.</summary>
public sealed record NewTask([property: ContractRequired] string? Title, bool? Completed);

/// <summary>
/// The request body of a new milestone, read straight from the wire: a left-out field takes its
/// default (pending, default colour, at the end); <c>dueDate</c> and <c>goalAmount</c> take null as "none".
/// </summary>
public sealed record NewMilestone
{
    [ContractRequired]
    public string? Title { get; init; }

    [DisallowNull]
    public string? Description { get; init; }

    [DisallowNull]
    public MilestoneStatus? Status { get; init; }

    [DisallowNull]
    public MilestoneColor? Color { get; init; }

    public DateTime? DueDate { get; init; }

    [DisallowNull]
    public int? Position { get; init; }

    public decimal? GoalAmount { get; init; }

    [DisallowNull]
    public IReadOnlyList<NewTask>? Tasks { get; init; }
}

[RequiresScope(Scopes.Write)]
public sealed record CreateMilestoneCommand(long ProjectId, NewMilestone Milestone) : ICommand<MilestoneDto>, IProjectRequest
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
        RuleFor(x => x.Milestone.Position).MilestonePosition();
        RuleFor(x => x.Milestone.GoalAmount).GoalAmount();
        RuleFor(x => x.Milestone.Tasks).Must(t => t is null || t.Count <= MaxTasks)
            .WithMessage($"A milestone can be created with at most {MaxTasks} tasks.");
        RuleForEach(x => x.Milestone.Tasks)
            .NotNull().WithMessage("A task cannot be null.")
            .ChildRules(task => task.RuleFor(t => t.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("title is required.")
                .MaximumLength(TaskItem.TitleMaxLength).WithMessage($"title must be at most {TaskItem.TitleMaxLength} characters."));
    }
}

/// <summary>Creates a milestone (admins and achievers), at the end unless a position is given, with its optional tasks, in one transaction.</summary>
public sealed class CreateMilestoneHandler(IApplicationDbContext db, IUser caller, TimeProvider clock)
    : ICommandHandler<CreateMilestoneCommand, MilestoneDto>
{
    public async ValueTask<MilestoneDto> Handle(CreateMilestoneCommand command, CancellationToken cancellationToken)
    {
        var body = command.Milestone;
        var title = body.Title!.Trim();
        await db.EnsureTitleFreeAsync(command.ProjectId, title, null, cancellationToken);

        var position = await db.MilestoneList(command.ProjectId).ArrivalSlotAsync(body.Position, "the project's milestones", "the project's last milestone", cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var milestone = Milestone.Create(
            command.ProjectId,
            title,
            body.Description,
            body.Status ?? MilestoneStatus.Pending,
            body.Color ?? MilestoneColor.Default,
            body.DueDate,
            position,
            body.GoalAmount,
            caller.Id!.Value,
            now);
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(cancellationToken);

        if (body.Tasks is { Count: > 0 } tasks)
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
