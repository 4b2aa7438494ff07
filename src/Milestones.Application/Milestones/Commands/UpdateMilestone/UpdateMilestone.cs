using Milestones.Application.Common.Ordering;
using Milestones.Application.Common.Behaviours;
using Milestones.Application.Milestones.Queries.GetMilestone;

namespace Milestones.Application.Milestones.Commands.UpdateMilestone;

/// <summary>A partial update: only the fields sent change; <c>dueDate</c> and <c>goalAmount</c> sent as null are cleared.</summary>
[RequiresScope(Scopes.Write)]
public sealed record UpdateMilestoneCommand(long MilestoneId, MilestoneChanges Patch, IReadOnlyList<string>? ExpectedVersions = null)
    : ICommand<MilestoneDto>, IConditionalCommand, IProjectRequest
{
    /// <summary>Admins only, not achievers too (seed 000: a milestone is updated by its owner).</summary>
    public bool AdminsOnly { get; init; }

    /// <summary>
    /// The milestone's whole task list, when sent (seed 001's <c>subtasks</c>): a listed task (by id) takes the
    /// title and completion given, one without an id is added at the end, and a task left out is deleted, all in
    /// this command's transaction. Null leaves the tasks alone.
    /// </summary>
    public IReadOnlyList<TaskState>? Tasks { get; init; }

    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken)
    {
        var permission = await access.ForMilestoneAsync(MilestoneId, cancellationToken);
        if (AdminsOnly)
        {
            permission.RequireAdmin("update milestones");
        }
        else
        {
            permission.RequireEditor("update milestones");
        }
    }

    public IMessage CurrentRepresentationQuery() => new GetMilestoneQuery(MilestoneId);
}

/// <summary>One task of a whole task list: an existing task by <see cref="Id"/>, or a new one.</summary>
public sealed record TaskState(long? Id, string? Title, bool? Completed);

public sealed class UpdateMilestoneValidator : AbstractValidator<UpdateMilestoneCommand>
{
    public UpdateMilestoneValidator()
    {
        RuleFor(x => x.Tasks).SetValidator(new MaxItemsOf<UpdateMilestoneCommand, TaskState>(CreateMilestone.CreateMilestoneValidator.MaxTasks))
            .WithMessage($"A milestone's task list can hold at most {CreateMilestone.CreateMilestoneValidator.MaxTasks} tasks at a time.");
        RuleFor(x => x.Tasks).Must(t => t is null || t.Where(s => s?.Id is not null).GroupBy(s => s.Id).All(g => g.Count() == 1))
            .WithMessage("tasks lists a task more than once.");
        RuleForEach(x => x.Tasks)
            .NotNull().WithMessage("A task cannot be null.")
            .ChildRules(task => task.RuleFor(t => t.Title).NewTaskTitle());
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
        if (command.Tasks is { } tasks)
        {
            await SetTasksAsync(milestone, tasks, now, cancellationToken);
        }

        return await db.MilestoneDtoAsync(milestone.Id, now, cancellationToken);
    }

    // One change per save, as the task commands make them, so each position reaction sees the list it expects.
    private async Task SetTasksAsync(Milestone milestone, IReadOnlyList<TaskState> wanted, DateTime now, CancellationToken ct)
    {
        var current = await db.Tasks.Where(t => t.MilestoneId == milestone.Id).ToListAsync(ct);
        var unknown = wanted.Where(w => w.Id is { } id && current.All(t => t.Id != id)).Select(w => w.Id).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationFailedException("tasks", $"tasks names {string.Join(", ", unknown)}, which are not tasks of this milestone; leave id out to add a task.");
        }

        foreach (var gone in current.Where(t => wanted.All(w => w.Id != t.Id)))
        {
            gone.SoftDelete(now);
            await db.SaveChangesAsync(ct);
        }

        foreach (var state in wanted)
        {
            var title = state.Title!.Trim();
            if (state.Id is null)
            {
                db.Tasks.Add(TaskItem.Create(milestone, title, state.Completed ?? false, await db.TaskList(milestone.Id).ArrivalSlotAsync(null, ct), now));
                await db.SaveChangesAsync(ct);
                continue;
            }

            var task = current.Single(t => t.Id == state.Id);
            task.Rename(title);

            if (state.Completed is { } completed && completed != task.Completed)
            {
                if (completed)
                {
                    task.Complete(now);
                }
                else
                {
                    task.Reopen();
                }
            }

            await db.SaveChangesAsync(ct);
        }
    }
}
