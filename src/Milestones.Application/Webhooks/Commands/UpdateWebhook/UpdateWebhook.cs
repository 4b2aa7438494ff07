using Milestones.Application.Common.Behaviours;
using Milestones.Application.Webhooks.Queries.GetWebhook;

namespace Milestones.Application.Webhooks.Commands.UpdateWebhook;

[RequiresScope(Scopes.Write)]
public sealed record UpdateWebhookCommand(long WebhookId, WebhookChanges Patch, IReadOnlyList<string>? ExpectedVersions = null)
    : ICommand<WebhookDto>, IConditionalCommand, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForWebhookAsync(WebhookId, cancellationToken)).RequireAdmin("manage webhooks");

    public IMessage CurrentRepresentationQuery() => new GetWebhookQuery(WebhookId);
}

public sealed class UpdateWebhookValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookValidator(IWebhookUrlPolicy policy)
    {
        When(x => x.Patch.Url is not null, () => WebhookRules.Url(RuleFor(x => x.Patch.Url), policy));
        When(x => x.Patch.Events is not null, () => WebhookRules.Events(RuleFor(x => x.Patch.Events)));
        WebhookRules.Secret(RuleFor(x => x.Patch.Secret));
    }
}

public sealed class UpdateWebhookHandler(IApplicationDbContext db) : ICommandHandler<UpdateWebhookCommand, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = await db.Webhooks.FirstOrDefaultAsync(w => w.Id == command.WebhookId, cancellationToken).OrNotFound("Webhook", command.WebhookId);
        var patch = command.Patch;
        if (patch.Url is { } url)
        {
            webhook.ChangeUrl(url);
        }

        if (patch.Events is { } events)
        {
            webhook.ChangeEvents(events);
        }

        if (patch.Secret is { } secret)
        {
            webhook.RotateSecret(secret);
        }

        if (patch.Active is { } active)
        {
            if (active)
            {
                webhook.Activate();
            }
            else
            {
                webhook.Pause();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return WebhookDto.From(webhook);
    }
}
