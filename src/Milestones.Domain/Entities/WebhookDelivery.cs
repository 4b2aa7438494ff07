using Milestones.Domain.Common;
using Milestones.Domain.Enums;
using Milestones.Domain.Events;

namespace Milestones.Domain.Entities;

/// <summary>
/// One event (or a ping) on its way to one webhook: a row of the transactional outbox, written in
/// the transaction of its event. Its id is the <c>Milestones-Delivery</c> header, the same on every
/// attempt and redelivery. A dispatcher claims it with a lease (<see cref="LeaseOwner"/>, a
/// concurrency token) so each attempt is made by one instance.
/// </summary>
public sealed class WebhookDelivery : BaseEntity
{
    /// <summary>How much of the receiver's answer is kept.</summary>
    public const int ResponseBodyMaxBytes = 1_024;
    public const int ErrorMaxLength = 500;

    private WebhookDelivery() { }

    public long WebhookId { get; private set; }

    public long ProjectId { get; private set; }

    /// <summary>Null for a ping.</summary>
    public long? EventId { get; private set; }

    public ActivityEvent? Event { get; private set; }

    public string EventType { get; private set; } = "";

    public DeliveryStatus Status { get; private set; }

    /// <summary>Attempts since it was created or last redelivered.</summary>
    public int Attempts { get; private set; }

    /// <summary>When a pending delivery is due; null once it is delivered or failed.</summary>
    public DateTime? NextAttemptAt { get; private set; }

    public DateTime? LeaseUntil { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTime? LastAttemptAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public string? LastResponseBody { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The delivery of an activity event, due at once.</summary>
    public static WebhookDelivery Of(Webhook webhook, ActivityEvent activity, DateTime now) => new()
    {
        WebhookId = webhook.Id,
        ProjectId = webhook.ProjectId,
        Event = activity,
        EventType = activity.Type,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>A <c>ping</c>: no event, sent at once, to check the receiver.</summary>
    public static WebhookDelivery Ping(Webhook webhook, DateTime now) => new()
    {
        WebhookId = webhook.Id,
        ProjectId = webhook.ProjectId,
        EventType = EventTypes.Ping,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>The receiver answered 2xx.</summary>
    public void Delivered(int statusCode, string? responseBody, DateTime now)
    {
        Attempted(statusCode, null, responseBody, now);
        Status = DeliveryStatus.Delivered;
        DeliveredAt = now;
        NextAttemptAt = null;
        Raise(new WebhookDeliveryConcluded(this, Delivered: true));
    }

    /// <summary>
    /// Any other answer, a time-out or a refused address. The next attempt follows the
    /// <paramref name="schedule"/> (the delay after attempt n is <c>schedule[n-1]</c>, stretched or
    /// shrunk by <paramref name="jitter"/>, a factor such as 0.93); past its end the delivery has failed.
    /// </summary>
    public void AttemptFailed(int? statusCode, string error, string? responseBody, DateTime now, IReadOnlyList<TimeSpan> schedule, double jitter)
    {
        Attempted(statusCode, error, responseBody, now);
        if (Attempts > schedule.Count)
        {
            Status = DeliveryStatus.Failed;
            NextAttemptAt = null;
            Raise(new WebhookDeliveryConcluded(this, Delivered: false));
            return;
        }

        NextAttemptAt = now + schedule[Attempts - 1] * jitter;
    }

    /// <summary>Sends it again, now, with the same id; its attempts (and retry schedule) start over.</summary>
    public void Redeliver(DateTime now)
    {
        Status = DeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        DeliveredAt = null;
        LeaseOwner = null;
        LeaseUntil = null;
    }

    private void Attempted(int? statusCode, string? error, string? responseBody, DateTime now)
    {
        Attempts++;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastError = error is { Length: > ErrorMaxLength } ? error[..ErrorMaxLength] : error;
        LastResponseBody = responseBody;
        LeaseOwner = null;
        LeaseUntil = null;
    }
}
