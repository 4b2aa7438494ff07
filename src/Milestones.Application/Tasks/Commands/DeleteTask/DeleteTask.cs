using Mediator;
using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Behaviours;
using Milestones.Application.Common.Interfaces;
using Milestones.Application.Common.Models;
using Milestones.Application.Common.Security;
using Milestones.Application.Tasks.Queries.GetTask;
using Milestones.Domain.Common;

namespace Milestones.Application.Tasks.Commands.DeleteTask;

[RequiresScope(Scopes.Write)]
public sealed record DeleteTaskCommand(long TaskId, string? IfMatch = null) : ICommand<DeletedResult>, IConditionalCommand
{
    public IMessage CurrentRepresentationQuery() => new GetTaskQuery(TaskId);
}

public sealed class DeleteTaskHandler(IApplicationDbContext db, ProjectAccess access, TimeProvider clock)
    : ICommandHandler<DeleteTaskCommand, DeletedResult>
{
    public async ValueTask<DeletedResult> Handle(DeleteTaskCommand command, CancellationToken cancellationToken)
    {
        var permission = await access.ForTaskAsync(db, command.TaskId, cancellationToken);
        permission.RequireEditor("delete tasks");

        var task = await db.Tasks.FirstAsync(t => t.Id == command.TaskId, cancellationToken);
        task.SoftDelete(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new DeletedResult(task.Id);
    }
}
