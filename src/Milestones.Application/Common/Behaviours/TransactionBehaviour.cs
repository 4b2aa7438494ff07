namespace Milestones.Application.Common.Behaviours;

/// <summary>
/// A command and every side effect of it (counters, events, reassignment) commit together or not at all.
/// The projects the command was authorized in are locked first (<see cref="IApplicationDbContext.LockProjectsAsync"/>),
/// so on a server database a project's writes, on any instance, run one at a time. A transaction the database
/// rolled back as a deadlock victim or a serialization failure is run again from the start, up to
/// <see cref="Attempts"/> times, when this behaviour owns it (SPEC 6: retried where safe; otherwise the 503).
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(IApplicationDbContext db, ProjectAccess access) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public const int Attempts = 3;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var transaction = await db.BeginTransactionAsync(cancellationToken);
            try
            {
                await db.LockProjectsAsync(access.AuthorizedProjectIds, cancellationToken);
                var response = await next(message, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return response;
            }
            catch (Exception ex) when (transaction.Owned && attempt < Attempts && db.IsRetryableConflict(ex))
            {
                // Rolled back whole by the database: forget what this attempt tracked, then run it again.
                db.DiscardChanges();
            }
            finally
            {
                await transaction.DisposeAsync();
            }
        }
    }
}
