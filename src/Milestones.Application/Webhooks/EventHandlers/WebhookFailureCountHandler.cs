namespace Milestones.Application.Webhooks.EventHandlers;

/// <summary>
/// The one owner of a webhook's <see cref="Webhook.ConsecutiveFailures"/>: a delivered delivery clears
/// it, one that failed for good adds one (an atomic UPDATE, so instances racing on one webhook never lose
/// a count), and at <see cref="Webhook.MaxConsecutiveFailures"/> the domain deactivates the webhook.
/// Turning a webhook back on clears the count in the domain (<see cref="Webhook.Activate"/>).
/// </summary>
public sealed class WebhookFailureCountHandler(IApplicationDbContext db, TimeProvider clock) : INotificationHandler<WebhookDeliveryConcluded>
{
    public async ValueTask Handle(WebhookDeliveryConcluded notification, CancellationToken cancellationToken)
    {
        var webhookId = notification.Delivery.WebhookId;
        if (notification.Delivered)
        {
            await db.Webhooks.Where(w => w.Id == webhookId && w.ConsecutiveFailures > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.ConsecutiveFailures, 0), cancellationToken);
            return;
        }

        await db.Webhooks.Where(w => w.Id == webhookId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.ConsecutiveFailures, w => w.ConsecutiveFailures + 1), cancellationToken);
        var reachedTheLimit = await db.Webhooks.FirstOrDefaultAsync(
            w => w.Id == webhookId && w.Active && w.ConsecutiveFailures >= Webhook.MaxConsecutiveFailures, cancellationToken);
        reachedTheLimit?.Deactivate(clock.GetUtcNow().UtcDateTime);
    }
}
