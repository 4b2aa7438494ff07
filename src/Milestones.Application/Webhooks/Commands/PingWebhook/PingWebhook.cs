namespace Milestones.Application.Webhooks.Commands.PingWebhook;

/// <summary>Sends a <c>ping</c> delivery now (even to a paused webhook), to check the receiver and its signature check.</summary>
[RequiresScope(Scopes.Write)]
public sealed record PingWebhookCommand(long WebhookId) : ICommand<WebhookDeliveryDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForWebhookAsync(WebhookId, cancellationToken)).RequireAdmin("manage webhooks");
}

public sealed class PingWebhookHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<PingWebhookCommand, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(PingWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = await db.Webhooks.FirstOrDefaultAsync(w => w.Id == command.WebhookId, cancellationToken).OrNotFound("Webhook", command.WebhookId);
        var ping = WebhookDelivery.Ping(webhook, clock.GetUtcNow().UtcDateTime);
        db.WebhookDeliveries.Add(ping);
        await db.SaveChangesAsync(cancellationToken);
        return WebhookDeliveryDto.From(ping);
    }
}
