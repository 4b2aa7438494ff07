using System.Text.Json;
using Milestones.Application.Common.Serialization;

namespace Milestones.Application.Events;

/// <summary>
/// Adds an entry to a project's activity log, in the current unit of work (so it commits with the
/// change it describes; one statement, <see cref="IApplicationDbContext.RecordActivityAsync"/>), and a
/// delivery for each active webhook of the project that selects it: the transactional outbox, in the
/// same transaction (the project's webhooks are read only when the entry's statement found an active one).
/// The actor is the caller; null when the system acts.
/// </summary>
public sealed class ActivityLog(IApplicationDbContext db, IUser user, TimeProvider clock)
{
    private readonly Dictionary<long, List<Webhook>> _subscribers = [];

    /// <summary>A project's active webhooks (compiled: every change of every project asks it).</summary>
    private static readonly Func<DbContext, long, IAsyncEnumerable<Webhook>> ActiveWebhooks =
        EF.CompileAsyncQuery((DbContext c, long projectId) => c.Set<Webhook>().AsNoTracking().Where(w => w.ProjectId == projectId && w.Active));

    public async ValueTask RecordAsync(ActivityRecord activity, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = ActivityEvent.Record(
            activity.Type,
            activity.ProjectId,
            activity.MilestoneId,
            activity.TaskId,
            user.Id,
            JsonSerializer.Serialize(activity.Data, JsonDefaults.Options),
            now);
        if (!await db.RecordActivityAsync(entry, cancellationToken))
        {
            // The statement that wrote the entry found no active webhook in the project: no one to deliver to.
            return;
        }

        foreach (var webhook in await SubscribersAsync(activity.ProjectId, cancellationToken))
        {
            if (webhook.Selects(activity.Type))
            {
                db.WebhookDeliveries.Add(WebhookDelivery.Of(webhook, entry, now));
            }
        }
    }

    /// <summary>The project's active webhooks, read once per unit of work.</summary>
    private async ValueTask<List<Webhook>> SubscribersAsync(long projectId, CancellationToken cancellationToken)
    {
        if (!_subscribers.TryGetValue(projectId, out var webhooks))
        {
            webhooks = [];
            await foreach (var webhook in ActiveWebhooks(Compiled.Context(db), projectId).WithCancellation(cancellationToken))
            {
                webhooks.Add(webhook);
            }

            _subscribers[projectId] = webhooks;
        }

        return webhooks;
    }
}
