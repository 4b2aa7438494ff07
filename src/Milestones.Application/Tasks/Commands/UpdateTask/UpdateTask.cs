using Milestones.Application.Common.Ordering;
using Milestones.Application.Common.Behaviours;
using Milestones.Application.Tasks.Queries.GetTask;

namespace Milestones.Application.Tasks.Commands.UpdateTask;

/// <summary>Renames, completes / re-opens, repositions, or moves a task to another live milestone of its project.</summary>
[RequiresScope(Scopes.Write)]
public sealed record UpdateTaskCommand(long TaskId, TaskChanges Patch, IReadOnlyList<string>? ExpectedVersions = null)
    : ICommand<TaskDto>, IConditionalCommand, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForTaskAsync(TaskId, cancellationToken)).RequireEditor("update tasks");

    public IMessage CurrentRepresentationQuery() => new GetTaskQuery(TaskId);
}

public sealed class UpdateTaskValidator : AbstractValidator<UpdateTaskCommand>
{
    public UpdateTaskValidator()
    {
        RuleFor(x => x.Patch.Title).Name("title", TaskItem.TitleMaxLength);
        RuleFor(x => x.Patch.Position).TaskPosition();
    }
}

public sealed class UpdateTaskHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<UpdateTaskCommand, TaskDto>
{
    /// <summary>The live task, tracked (a compiled query: completing a task is among the hottest writes).</summary>
    private static readonly Func<DbContext, long, CancellationToken, Task<TaskItem?>> LiveTask =
        EF.CompileAsyncQuery((DbContext c, long id, CancellationToken ct) => c.Set<TaskItem>().FirstOrDefault(t => t.Id == id));

    public async ValueTask<TaskDto> Handle(UpdateTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await LiveTask(Compiled.Context(db), command.TaskId, cancellationToken).OrNotFound("Task", command.TaskId);
        var now = clock.GetUtcNow().UtcDateTime;
        var patch = command.Patch;

        if (patch.MilestoneId is { } targetId && targetId != task.MilestoneId)
        {
            var target = await db.Milestones.FirstOrDefaultAsync(m => m.Id == targetId && m.ProjectId == task.ProjectId, cancellationToken)
                ?? throw new ValidationFailedException("milestoneId", $"milestoneId {targetId} is not a live milestone of this task's project.");
            target.EnsureAcceptsTasks();
            task.MoveTo(target, await db.TaskList(target.Id).ArrivalSlotAsync(patch.Position, cancellationToken));
        }
        else if (patch.Position is { } position && position != task.Position)
        {
            await db.TaskList(task.MilestoneId).EnsureMoveSlotAsync(position, cancellationToken);
            task.Reposition(position);
        }

        if (patch.Title is not null)
        {
            task.Rename(patch.Title.Trim());
        }

        switch (patch.Completed)
        {
            case true:
                task.Complete(now);
                break;
            case false:
                task.Reopen();
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TaskDto.From(task);
    }
}
