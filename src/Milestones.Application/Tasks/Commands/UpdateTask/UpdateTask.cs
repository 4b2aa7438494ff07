using Milestones.Application.Common.Behaviours;
using Milestones.Application.Tasks.Queries.GetTask;

namespace Milestones.Application.Tasks.Commands.UpdateTask;

/// <summary>Renames, completes / re-opens, repositions, or moves a task to another live milestone of its project.</summary>
[RequiresScope(Scopes.Write)]
public sealed record UpdateTaskCommand(long TaskId) : ICommand<TaskDto>, IConditionalCommand, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForTaskAsync(TaskId, cancellationToken)).RequireEditor("update tasks");

    public string? Title { get; init; }
    public bool? Completed { get; init; }
    public long? MilestoneId { get; init; }
    public int? Position { get; init; }
    public IReadOnlyList<string>? ExpectedVersions { get; init; }

    public IMessage CurrentRepresentationQuery() => new GetTaskQuery(TaskId);
}

public sealed class UpdateTaskValidator : AbstractValidator<UpdateTaskCommand>
{
    public UpdateTaskValidator()
    {
        RuleFor(x => x.Title).Must(t => !string.IsNullOrWhiteSpace(t)).When(x => x.Title is not null).WithMessage("title cannot be empty.")
            .MaximumLength(TaskItem.TitleMaxLength).WithMessage($"title must be at most {TaskItem.TitleMaxLength} characters.");
        RuleFor(x => x.Position).TaskPosition();
    }
}

public sealed class UpdateTaskHandler(IApplicationDbContext db, IMapper mapper, TimeProvider clock)
    : ICommandHandler<UpdateTaskCommand, TaskDto>
{
    public async ValueTask<TaskDto> Handle(UpdateTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == command.TaskId, cancellationToken).OrNotFound("Task", command.TaskId);
        var now = clock.GetUtcNow().UtcDateTime;

        if (command.MilestoneId is { } targetId && targetId != task.MilestoneId)
        {
            var target = await db.Milestones.FirstOrDefaultAsync(m => m.Id == targetId && m.ProjectId == task.ProjectId, cancellationToken)
                ?? throw new ValidationFailedException("milestoneId", $"milestoneId {targetId} is not a live milestone of this task's project.");
            target.EnsureAcceptsTasks();
            await db.CloseTaskSlotAsync(task, cancellationToken);
            task.MoveTo(target, await db.TakeTaskSlotAsync(target.Id, command.Position, cancellationToken));
        }
        else if (command.Position is { } position && position != task.Position)
        {
            await db.ShiftForTaskMoveAsync(task, position, cancellationToken);
            task.Reposition(position);
        }

        if (command.Title is not null)
        {
            task.Rename(command.Title.Trim());
        }

        switch (command.Completed)
        {
            case true:
                task.Complete(now);
                break;
            case false:
                task.Reopen();
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.TaskDtoAsync(mapper, task.Id, cancellationToken);
    }
}
