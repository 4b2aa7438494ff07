using System.Text.Json;
using Milestones.Application.Common.Serialization;

namespace Milestones.Application.Webhooks.Commands.ClaimDeliveries;

/// <summary>
/// The dispatcher takes up to <paramref name="BatchSize"/> due deliveries for itself: each is claimed
/// by a conditional update (due, and no live lease), so of several instances exactly one wins it, and
/// holds it until <paramref name="Lease"/> runs out (then another may take it over). At most one delivery
/// per webhook is claimed at a time, none of a webhook in <paramref name="BusyWebhooks"/> (an attempt for
/// it is under way on this instance): a webhook's deliveries go one after the other, in order, and one
/// that deactivates the webhook is recorded before the next is claimed.
/// </summary>
[SystemOnly]
public sealed record ClaimDeliveriesCommand(string Owner, TimeSpan Lease, int BatchSize, IReadOnlyCollection<long>? BusyWebhooks = null)
    : ICommand<IReadOnlyList<ClaimedDelivery>>;

/// <summary>A delivery this instance now holds: where it goes, how to sign it, and the body to send.</summary>
public sealed record ClaimedDelivery(long Id, long WebhookId, string Url, string Secret, string EventType, string Body);

public sealed class ClaimDeliveriesHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<ClaimDeliveriesCommand, IReadOnlyList<ClaimedDelivery>>
{
    public async ValueTask<IReadOnlyList<ClaimedDelivery>> Handle(ClaimDeliveriesCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + command.Lease;

        // A paused or deactivated webhook's deliveries wait for it; a ping goes regardless.
        var busy = command.BusyWebhooks ?? [];
        var candidates = await Due(now)
            .Where(d => d.EventType == EventTypes.Ping || db.Webhooks.Any(w => w.Id == d.WebhookId && w.Active))
            .Where(d => !busy.Contains(d.WebhookId))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.WebhookId })
            .Take(command.BatchSize * 4)
            .ToListAsync(cancellationToken);
        var due = candidates.DistinctBy(d => d.WebhookId).Take(command.BatchSize).Select(d => d.Id).ToList();

        var claimed = new List<long>();
        foreach (var id in due)
        {
            var won = await Due(now).Where(d => d.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(d => d.LeaseOwner, command.Owner).SetProperty(d => d.LeaseUntil, leaseUntil), cancellationToken);
            if (won == 1)
            {
                claimed.Add(id);
            }
        }

        if (claimed.Count == 0)
        {
            return [];
        }

        var rows = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => claimed.Contains(d.Id))
            .Select(d => new
            {
                d.Id,
                d.WebhookId,
                d.ProjectId,
                d.EventType,
                d.CreatedAt,
                d.Event,
            })
            .ToListAsync(cancellationToken);

        var webhookIds = rows.Select(r => r.WebhookId).Distinct().ToList();
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => webhookIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        return rows.OrderBy(r => r.Id).Select(r =>
        {
            var webhook = webhooks[r.WebhookId];
            // An event's body is the event as the log shows it (the same map, so the same JSON data).
            var payload = r.Event is { } activity && EventDto.From(activity) is var e
                ? new WebhookPayload(e.Id, e.Type, e.OccurredAt, e.ProjectId, e.MilestoneId, e.TaskId, e.ActorId, e.Data)
                : new WebhookPayload(null, EventTypes.Ping, r.CreatedAt, r.ProjectId, null, null, null,
                    JsonSerializer.SerializeToElement(new { webhookId = r.WebhookId, events = webhook.Events }, JsonDefaults.Options));
            return new ClaimedDelivery(r.Id, r.WebhookId, webhook.Url, webhook.Secret, r.EventType, JsonSerializer.Serialize(payload, JsonDefaults.Options));
        }).ToList();
    }

    private IQueryable<WebhookDelivery> Due(DateTime now) => db.WebhookDeliveries.Where(d =>
        d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now));
}
