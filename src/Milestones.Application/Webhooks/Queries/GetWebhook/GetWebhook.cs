namespace Milestones.Application.Webhooks.Queries.GetWebhook;

[RequiresScope(Scopes.Read)]
public sealed record GetWebhookQuery(long WebhookId) : IQuery<WebhookDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForWebhookAsync(WebhookId, cancellationToken)).RequireAdmin("manage webhooks");
}

public sealed class GetWebhookHandler(IApplicationDbContext db) : IQueryHandler<GetWebhookQuery, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(GetWebhookQuery query, CancellationToken cancellationToken)
    {
        var webhook = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == query.WebhookId, cancellationToken).OrNotFound("Webhook", query.WebhookId);
        return WebhookDto.From(webhook);
    }
}
