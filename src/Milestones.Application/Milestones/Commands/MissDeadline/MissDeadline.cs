namespace Milestones.Application.Milestones.Commands.MissDeadline;

public enum DeadlineOutcome
{
    /// <summary>This call failed the milestone (and wrote its deadline_missed event unless the milestone had been flagged before).</summary>
    Failed,

    /// <summary>This call recorded the missed deadline of a milestone in a <c>flag</c> project; its status stays.</summary>
    Flagged,

    /// <summary>Nothing to do: no longer live, open and past due (someone else got there first, or it changed).</summary>
    NotDue,
}

/// <summary>
/// Fails one overdue milestone with the side effects of a manual failure (pledges released,
/// counters, events), in its own transaction. The update is conditional on the status it read
/// (status is a concurrency token), so two sweepers can never both fail it.
/// </summary>
[SystemOnly]
public sealed record MissDeadlineCommand(long MilestoneId) : ICommand<DeadlineOutcome>;

public sealed class MissDeadlineHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<MissDeadlineCommand, DeadlineOutcome>
{
    public async ValueTask<DeadlineOutcome> Handle(MissDeadlineCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var milestone = await db.Milestones.Include(m => m.Project)
            .FirstOrDefaultAsync(m => m.Id == command.MilestoneId && m.Project!.DeletedAt == null, cancellationToken);
        var policy = milestone?.Project!.DeadlinePolicy ?? DeadlinePolicy.Fail;
        if (milestone is null || milestone.IsDefault || !milestone.IsOverdue(now)
            || (policy == DeadlinePolicy.Flag && milestone.DeadlineMissedAt is not null))
        {
            return DeadlineOutcome.NotDue;
        }

        // Status and DeadlineMissedAt are concurrency tokens: of two sweepers, one writes, the other gets NotDue.
        milestone.MissDeadline(now, policy);
        await db.SaveChangesAsync(cancellationToken);
        return policy == DeadlinePolicy.Fail ? DeadlineOutcome.Failed : DeadlineOutcome.Flagged;
    }
}
