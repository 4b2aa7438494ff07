using System.Linq.Expressions;

namespace Milestones.Application.Webhooks;

/// <summary>One event (or ping) sent to a webhook, with its last attempt. Its id is the <c>Milestones-Delivery</c> header.</summary>
public sealed record WebhookDeliveryDto
{
    public long Id { get; init; }
    public long WebhookId { get; init; }
    /// <summary>The activity event delivered; null for a ping.</summary>
    public long? EventId { get; init; }
    /// <summary>An event type, or <c>ping</c>.</summary>
    public string EventType { get; init; } = "";
    public DeliveryStatus Status { get; init; }
    public int Attempts { get; init; }
    public DateTime? NextAttemptAt { get; init; }
    public DateTime? LastAttemptAt { get; init; }
    public int? LastStatusCode { get; init; }
    public string? LastError { get; init; }
    /// <summary>The first 1 KiB of the receiver's last answer.</summary>
    public string? LastResponseBody { get; init; }
    public DateTime? DeliveredAt { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>The one map from a delivery; <see cref="From"/> runs it in memory.</summary>
    public static readonly Expression<Func<WebhookDelivery, WebhookDeliveryDto>> Projection = d => new WebhookDeliveryDto
    {
        Id = d.Id,
        WebhookId = d.WebhookId,
        EventId = d.EventId,
        EventType = d.EventType,
        Status = d.Status,
        Attempts = d.Attempts,
        NextAttemptAt = d.NextAttemptAt,
        LastAttemptAt = d.LastAttemptAt,
        LastStatusCode = d.LastStatusCode,
        LastError = d.LastError,
        LastResponseBody = d.LastResponseBody,
        DeliveredAt = d.DeliveredAt,
        CreatedAt = d.CreatedAt,
    };

    private static readonly Func<WebhookDelivery, WebhookDeliveryDto> InMemory = Projection.Compile();

    public static WebhookDeliveryDto From(WebhookDelivery delivery) => InMemory(delivery);
}
