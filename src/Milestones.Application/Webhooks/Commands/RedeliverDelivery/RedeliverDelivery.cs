namespace Milestones.Application.Webhooks.Commands.RedeliverDelivery;

/// <summary>Sends a delivery again now, with the same id (so a receiver that has it drops the repeat); its retry schedule starts over.</summary>
[RequiresScope(Scopes.Write)]
public sealed record RedeliverDeliveryCommand(long WebhookId, long DeliveryId) : ICommand<WebhookDeliveryDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForWebhookAsync(WebhookId, cancellationToken)).RequireAdmin("manage webhooks");
}

public sealed class RedeliverDeliveryHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<RedeliverDeliveryCommand, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(RedeliverDeliveryCommand command, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries
            .FirstOrDefaultAsync(d => d.Id == command.DeliveryId && d.WebhookId == command.WebhookId, cancellationToken)
            .OrNotFound("Delivery", command.DeliveryId);
        delivery.Redeliver(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return WebhookDeliveryDto.From(delivery);
    }
}
