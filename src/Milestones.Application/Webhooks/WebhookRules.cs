namespace Milestones.Application.Webhooks;

/// <summary>The rules a webhook's fields follow, shared by subscribing and changing one.</summary>
public static class WebhookRules
{
    public static void Url<T>(IRuleBuilderInitial<T, string?> rule, IWebhookUrlPolicy policy) => rule
        .Cascade(CascadeMode.Stop)
        .NotEmpty().WithMessage("url is required.")
        .MaximumLength(Webhook.UrlMaxLength).WithMessage($"url must be at most {Webhook.UrlMaxLength} characters.")
        .CustomAsync(async (url, context, ct) =>
        {
            if (await policy.RefusalAsync(url!, ct) is { } refusal)
            {
                context.AddFailure("url", refusal);
            }
        });

    public static void Events<T>(IRuleBuilderInitial<T, IReadOnlyList<string>?> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotEmpty().WithMessage($"events must list at least one event type or family: {string.Join(", ", EventTypes.Filters)}.")
        .Must(events => events!.All(EventTypes.IsFilter))
        .WithMessage((_, events) => $"Unknown event type '{events!.First(e => !EventTypes.IsFilter(e))}'; allowed: {string.Join(", ", EventTypes.Filters)}.");

    public static void Secret<T>(IRuleBuilderInitial<T, string?> rule) => rule
        .Must(s => s is null || Webhook.IsWellFormedSecret(s))
        .WithMessage($"secret must be '{Webhook.SecretPrefix}' followed by {Webhook.SecretRandomLength} to 200 letters and digits; leave it out to have one generated.");
}
