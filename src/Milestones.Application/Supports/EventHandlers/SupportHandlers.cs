using Milestones.Application.Events;
using Milestones.Domain.Events;

namespace Milestones.Application.Supports.EventHandlers;

/// <summary>A pledge adds to raisedAmount; a withdrawal takes it back. Both recount distinct supporters.</summary>
public sealed class SupportFundingHandler(IApplicationDbContext db, TimeProvider clock) :
    INotificationHandler<SupportPledged>,
    INotificationHandler<SupportWithdrawn>
{
    public ValueTask Handle(SupportPledged notification, CancellationToken cancellationToken)
    {
        Common.Telemetry.Telemetry.PledgedAmount.Add((double)notification.Support.Amount);
        return new(db.AdjustFundingAsync(notification.Support.MilestoneId, notification.Support.Amount, [], clock.GetUtcNow().UtcDateTime, cancellationToken));
    }

    public ValueTask Handle(SupportWithdrawn notification, CancellationToken cancellationToken) =>
        new(db.AdjustFundingAsync(notification.Support.MilestoneId, -notification.Support.Amount, [], clock.GetUtcNow().UtcDateTime, cancellationToken));
}

/// <summary>
/// What happens to a milestone's pledges when it closes: reaching it fulfils them; failing it
/// (by hand or by a missed deadline) or deleting it releases them. The activity entry of the status
/// change or deletion is written afterwards and says how many pledges were resolved, and for how much.
/// </summary>
public sealed class MilestoneClosingHandler(IApplicationDbContext db, ActivityLog log, TimeProvider clock) :
    INotificationHandler<MilestoneStatusChanged>,
    INotificationHandler<MilestoneDeleted>
{
    public async ValueTask Handle(MilestoneStatusChanged notification, CancellationToken cancellationToken)
    {
        var resolution = notification.To switch
        {
            MilestoneStatus.Reached => await ResolveAsync(notification.Milestone.Id, SupportStatus.Fulfilled, cancellationToken),
            MilestoneStatus.Failed => await ResolveAsync(notification.Milestone.Id, SupportStatus.Released, cancellationToken),
            _ => Nothing,
        };
        await log.RecordAsync(notification.ToActivity(resolution), cancellationToken);
    }

    public async ValueTask Handle(MilestoneDeleted notification, CancellationToken cancellationToken)
    {
        var resolution = await ResolveAsync(notification.Milestone.Id, SupportStatus.Released, cancellationToken);
        await log.RecordAsync(notification.ToActivity(resolution), cancellationToken);
    }

    private static readonly IReadOnlyDictionary<string, object?> Nothing = new Dictionary<string, object?>();

    private async Task<IReadOnlyDictionary<string, object?>> ResolveAsync(long milestoneId, SupportStatus to, CancellationToken ct)
    {
        // Each pledge is resolved by the domain (saved in the next round of this save, in the same
        // transaction); the money of exactly these pledges leaves raisedAmount in one atomic update,
        // whose supporter recount leaves them out since their new status is not saved yet.
        var pledged = await db.Supports
            .Where(s => s.MilestoneId == milestoneId && s.Status == SupportStatus.Pledged)
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var support in pledged)
        {
            if (to == SupportStatus.Fulfilled)
            {
                support.Fulfil(now);
            }
            else
            {
                support.Release(now);
            }
        }

        var amount = pledged.Sum(p => p.Amount);
        if (to == SupportStatus.Released && pledged.Count > 0)
        {
            await db.AdjustFundingAsync(milestoneId, -amount, [.. pledged.Select(p => p.Id)], now, ct);
        }

        var verb = to == SupportStatus.Fulfilled ? "fulfilled" : "released";
        return new Dictionary<string, object?> { [verb] = pledged.Count, ["amount"] = amount };
    }
}
