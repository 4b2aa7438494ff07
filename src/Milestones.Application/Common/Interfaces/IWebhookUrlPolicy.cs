namespace Milestones.Application.Common.Interfaces;

/// <summary>
/// Whether a webhook may point at a URL: an absolute http(s) URL, https in Production, whose host
/// resolves to no loopback, private, link-local, multicast or unspecified address (unless
/// <c>Milestones:Webhooks:AllowPrivateNetworks</c>). Checked at subscription and at every delivery.
/// </summary>
public interface IWebhookUrlPolicy
{
    /// <summary>Null when allowed; otherwise what is wrong, in words for the caller.</summary>
    Task<string?> RefusalAsync(string url, CancellationToken cancellationToken);
}

/// <summary>Wakes the webhook dispatcher when deliveries commit, so it need not wait for its next poll.</summary>
public interface IWebhookDispatchSignal
{
    void Wake();
}
