namespace Milestones.Application.Webhooks.Commands.RecordAttempt;

/// <summary>
/// What one attempt of a claimed delivery gave: a status code (2xx delivers it), or an error (a
/// time-out, a refused address, a closed port). Recorded only while <paramref name="Owner"/> still holds
/// the lease; the webhook's failure count follows in <see cref="EventHandlers.WebhookFailureCountHandler"/>.
/// </summary>
[SystemOnly]
public sealed record RecordAttemptCommand(
    long DeliveryId,
    string Owner,
    int? StatusCode,
    string? Error,
    string? ResponseBody,
    IReadOnlyList<TimeSpan> RetrySchedule,
    double Jitter) : ICommand<DeliveryStatus?>;

public sealed class RecordAttemptHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<RecordAttemptCommand, DeliveryStatus?>
{
    public async ValueTask<DeliveryStatus?> Handle(RecordAttemptCommand command, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == command.DeliveryId && d.LeaseOwner == command.Owner, cancellationToken);
        if (delivery is null)
        {
            return null; // the lease ran out and another instance took it, or it was redelivered or deleted meanwhile
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (command.Error is null && command.StatusCode is >= 200 and < 300)
        {
            delivery.Delivered(command.StatusCode.Value, command.ResponseBody, now);
        }
        else
        {
            delivery.AttemptFailed(command.StatusCode, command.Error ?? $"The receiver answered {command.StatusCode}.", command.ResponseBody, now, command.RetrySchedule, command.Jitter);
        }

        await db.SaveChangesAsync(cancellationToken);
        return delivery.Status;
    }
}
