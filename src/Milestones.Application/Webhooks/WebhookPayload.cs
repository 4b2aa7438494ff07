using System.Text.Json;

namespace Milestones.Application.Webhooks;

/// <summary>
/// The JSON body of a delivery: the activity event as the event log shows it. A <c>ping</c> has no
/// event, so its <c>id</c> is null and its <c>data</c> names the webhook and its filters.
/// </summary>
public sealed record WebhookPayload(
    long? Id,
    string Type,
    DateTime OccurredAt,
    long ProjectId,
    long? MilestoneId,
    long? TaskId,
    long? ActorId,
    JsonElement Data);
