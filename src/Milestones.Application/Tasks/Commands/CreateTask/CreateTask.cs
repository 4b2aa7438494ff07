using Milestones.Application.Common.Ordering;
namespace Milestones.Application.Tasks.Commands.CreateTask;

[RequiresScope(Scopes.Write)]
public sealed record CreateTaskCommand(long MilestoneId, string? Title, bool Completed, int? Position) : ICommand<TaskDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForMilestoneAsync(MilestoneId, cancellationToken)).RequireEditor("create tasks");
}

public sealed class CreateTaskValidator : AbstractValidator<CreateTaskCommand>
{
    public CreateTaskValidator()
    {
        RuleFor(x => x.Title).NewTaskTitle();
        RuleFor(x => x.Position).TaskPosition();
    }
}

public sealed class CreateTaskHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<CreateTaskCommand, TaskDto>
{
    public async ValueTask<TaskDto> Handle(CreateTaskCommand command, CancellationToken cancellationToken)
    {
        var (milestone, lastTask) = await db.MilestoneForArrivalAsync(command.MilestoneId, cancellationToken);
        if (milestone is null)
        {
            throw new NotFoundException("Milestone", command.MilestoneId);
        }

        var position = db.TaskList(milestone.Id).ArrivalSlot(command.Position, lastTask);

        var task = TaskItem.Create(milestone, command.Title!.Trim(), command.Completed, position, clock.GetUtcNow().UtcDateTime);
        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return TaskDto.From(task);
    }
}
