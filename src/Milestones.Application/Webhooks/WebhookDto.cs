using System.Linq.Expressions;

namespace Milestones.Application.Webhooks;

/// <summary>A webhook subscription; its secret is shown only when it is created (<see cref="CreatedWebhookDto"/>).</summary>
public record WebhookDto
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public string Url { get; init; } = "";
    /// <summary>Event types and families it receives.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];
    public bool Active { get; init; }
    /// <summary>Failed deliveries since the last delivered one; at 20 the webhook is deactivated.</summary>
    public int ConsecutiveFailures { get; init; }
    public DateTime? DeactivatedAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    /// <summary>
    /// The one map from a webhook. Its event list is computed from a stored column, so webhooks are read
    /// whole and mapped in memory (<see cref="From"/>).
    /// </summary>
    public static readonly Expression<Func<Webhook, WebhookDto>> Projection = w => new WebhookDto
    {
        Id = w.Id,
        ProjectId = w.ProjectId,
        Url = w.Url,
        Events = w.Events,
        Active = w.Active,
        ConsecutiveFailures = w.ConsecutiveFailures,
        DeactivatedAt = w.DeactivatedAt,
        CreatedAt = w.CreatedAt,
        UpdatedAt = w.UpdatedAt,
    };

    private static readonly Func<Webhook, WebhookDto> InMemory = Projection.Compile();

    public static WebhookDto From(Webhook webhook) => InMemory(webhook);
}

/// <summary>A new webhook: the only time its signing secret is shown.</summary>
public sealed record CreatedWebhookDto : WebhookDto
{
    public CreatedWebhookDto(Webhook webhook, string secret)
        : base(From(webhook)) => Secret = secret;

    /// <summary><c>whsec_…</c>: the key of the HMAC-SHA256 in <c>Milestones-Signature</c>.</summary>
    public string Secret { get; init; } = "";
}
