using Milestones.Application.Common.Ordering;
using Milestones.Application.Common.Behaviours;
using Milestones.Application.Common.Models;
using Milestones.Application.Tasks.Queries.GetTask;

namespace Milestones.Application.Tasks.Commands.DeleteTask;

[RequiresScope(Scopes.Write)]
public sealed record DeleteTaskCommand(long TaskId, IReadOnlyList<string>? ExpectedVersions = null) : ICommand<DeletedResult>, IConditionalCommand, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForTaskAsync(TaskId, cancellationToken)).RequireEditor("delete tasks");

    public IMessage CurrentRepresentationQuery() => new GetTaskQuery(TaskId);
}

public sealed class DeleteTaskHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<DeleteTaskCommand, DeletedResult>
{
    public async ValueTask<DeletedResult> Handle(DeleteTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == command.TaskId, cancellationToken).OrNotFound("Task", command.TaskId);
        task.SoftDelete(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new DeletedResult(task.Id);
    }
}
