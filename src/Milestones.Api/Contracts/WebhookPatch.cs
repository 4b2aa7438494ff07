using System.Diagnostics.CodeAnalysis;
using Milestones.Application.Webhooks.Commands.UpdateWebhook;

namespace Milestones.Api.Contracts;

// A partial update on the wire: an absent field is left unchanged; none can be cleared (null is refused).
// (A plain comment: a <summary> would become a description in the OpenAPI document.)
public sealed record WebhookPatch
{
    [DisallowNull]
    public string? Url { get; init; }

    [DisallowNull]
    public IReadOnlyList<string>? Events { get; init; }

    // false pauses it (its deliveries wait); true resumes it with a clean failure count.
    [DisallowNull]
    public bool? Active { get; init; }

    // A new signing secret (whsec_…), for rotation.
    [DisallowNull]
    public string? Secret { get; init; }

    public UpdateWebhookCommand ToCommand(long webhookId, IReadOnlyList<string>? expectedVersions) =>
        new(webhookId, new WebhookChanges { Url = Url, Events = Events, Active = Active, Secret = Secret }, expectedVersions);
}
