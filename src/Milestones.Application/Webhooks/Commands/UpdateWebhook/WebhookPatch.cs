using System.Diagnostics.CodeAnalysis;

namespace Milestones.Application.Webhooks.Commands.UpdateWebhook;

/// <summary>The one shape of a partial webhook update: an absent field is left unchanged; none can be cleared.</summary>
public sealed record WebhookPatch
{
    [DisallowNull]
    public string? Url { get; init; }

    [DisallowNull]
    public IReadOnlyList<string>? Events { get; init; }

    /// <summary>false pauses it (its deliveries wait); true resumes it with a clean failure count.</summary>
    [DisallowNull]
    public bool? Active { get; init; }

    /// <summary>A new signing secret (<c>whsec_…</c>), for rotation.</summary>
    [DisallowNull]
    public string? Secret { get; init; }
}
