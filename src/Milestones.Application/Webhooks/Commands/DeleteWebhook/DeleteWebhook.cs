using Milestones.Application.Common.Behaviours;
using Milestones.Application.Common.Models;
using Milestones.Application.Webhooks.Queries.GetWebhook;

namespace Milestones.Application.Webhooks.Commands.DeleteWebhook;

/// <summary>Unsubscribes: the webhook and its deliveries are gone (nothing more is sent).</summary>
[RequiresScope(Scopes.Write)]
public sealed record DeleteWebhookCommand(long WebhookId, IReadOnlyList<string>? ExpectedVersions = null)
    : ICommand<DeletedResult>, IConditionalCommand, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForWebhookAsync(WebhookId, cancellationToken)).RequireAdmin("manage webhooks");

    public IMessage CurrentRepresentationQuery() => new GetWebhookQuery(WebhookId);
}

public sealed class DeleteWebhookHandler(IApplicationDbContext db) : ICommandHandler<DeleteWebhookCommand, DeletedResult>
{
    public async ValueTask<DeletedResult> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        await db.WebhookDeliveries.Where(d => d.WebhookId == command.WebhookId).ExecuteDeleteAsync(cancellationToken);
        await db.Webhooks.Where(w => w.Id == command.WebhookId).ExecuteDeleteAsync(cancellationToken);
        return new DeletedResult(command.WebhookId);
    }
}
