namespace Milestones.Application.Webhooks.Commands.CreateWebhook;

/// <summary>Subscribes a URL to a project's events (project admins). The signing secret is generated unless given, and shown once.</summary>
[RequiresScope(Scopes.Write)]
public sealed record CreateWebhookCommand(long ProjectId, string? Url, IReadOnlyList<string>? Events, string? Secret, bool? Active)
    : ICommand<CreatedWebhookDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForProjectAsync(ProjectId, cancellationToken)).RequireAdmin("manage webhooks");
}

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookValidator(IWebhookUrlPolicy policy)
    {
        WebhookRules.Url(RuleFor(x => x.Url), policy);
        WebhookRules.Events(RuleFor(x => x.Events));
        WebhookRules.Secret(RuleFor(x => x.Secret));
    }
}

public sealed class CreateWebhookHandler(IApplicationDbContext db) : ICommandHandler<CreateWebhookCommand, CreatedWebhookDto>
{
    public async ValueTask<CreatedWebhookDto> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = Webhook.Subscribe(command.ProjectId, command.Url!, command.Events!, command.Secret, command.Active ?? true, out var secret);
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedWebhookDto(webhook, secret);
    }
}
