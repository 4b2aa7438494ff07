using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

/// <summary>
/// A delivery reached its end: delivered (<paramref name="Delivered"/>) or failed for good. Its webhook's
/// count of consecutive failures follows (cleared, or one more), and not part of the activity log.
/// </summary>
public sealed record WebhookDeliveryConcluded(WebhookDelivery Delivery, bool Delivered) : DomainEvent;
