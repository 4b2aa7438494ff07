namespace Milestones.Application.Webhooks.Commands.UpdateWebhook;

/// <summary>A partial webhook update: an absent field is left unchanged; none can be cleared.</summary>
public sealed record WebhookChanges
{
    public string? Url { get; init; }

    public IReadOnlyList<string>? Events { get; init; }

    /// <summary>false pauses it (its deliveries wait); true resumes it with a clean failure count.</summary>
    public bool? Active { get; init; }

    /// <summary>A new signing secret (<c>whsec_…</c>), for rotation.</summary>
    public string? Secret { get; init; }
}
