namespace Milestones.Application.Webhooks.Commands.PurgeDeliveries;

/// <summary>Deletes the deliveries created before <paramref name="CreatedBefore"/> (they are kept 30 days). Returns how many.</summary>
[SystemOnly]
public sealed record PurgeDeliveriesCommand(DateTime CreatedBefore) : ICommand<int>;

public sealed class PurgeDeliveriesHandler(IApplicationDbContext db) : ICommandHandler<PurgeDeliveriesCommand, int>
{
    public async ValueTask<int> Handle(PurgeDeliveriesCommand command, CancellationToken cancellationToken) =>
        await db.WebhookDeliveries.Where(d => d.CreatedAt < command.CreatedBefore).ExecuteDeleteAsync(cancellationToken);
}
