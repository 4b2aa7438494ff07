using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

public sealed record WebhookDeactivated(Webhook Webhook) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(EventTypes.WebhookDeactivated, Webhook.ProjectId, null, null,
        new Dictionary<string, object?> { ["webhookId"] = Webhook.Id, ["url"] = Webhook.Url, ["consecutiveFailures"] = Webhook.ConsecutiveFailures });
}
