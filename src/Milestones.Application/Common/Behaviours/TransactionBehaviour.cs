namespace Milestones.Application.Common.Behaviours;

/// <summary>
/// A command and every side effect of it (counters, events, reassignment) commit together or not at all.
/// The projects the command was authorized in are locked first (<see cref="IApplicationDbContext.LockProjectsAsync"/>),
/// so on a server database a project's writes, on any instance, run one at a time.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(IApplicationDbContext db, ProjectAccess access) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.LockProjectsAsync(access.AuthorizedProjectIds, cancellationToken);
        var response = await next(message, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
