
namespace Milestones.Api.Contracts;

/// <summary>A new webhook: where to send which events. The signing secret is generated unless given, and shown once.</summary>
public sealed record CreateWebhookRequest
{
    /// <summary>An absolute URL; https in production, and never a loopback, private, link-local or multicast address.</summary>
    [ContractRequired]
    public string? Url { get; init; }

    /// <summary>Event types (<c>milestone.status_changed</c>) or families (<c>milestone.*</c>, <c>task.*</c>, <c>support.*</c>, <c>*</c>).</summary>
    [ContractRequired]
    public IReadOnlyList<string>? Events { get; init; }

    /// <summary><c>whsec_</c> followed by at least 32 letters and digits; generated when left out.</summary>
    public string? Secret { get; init; }

    /// <summary>Default true.</summary>
    public bool? Active { get; init; }
}
