using Mediator;
using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Interfaces;
using Milestones.Application.Common.Security;

namespace Milestones.Application.Milestones.Commands.MissDeadline;

public enum DeadlineOutcome
{
    /// <summary>This call failed the milestone (and wrote its one deadline_missed event).</summary>
    Failed,

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
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == command.MilestoneId && m.Project!.DeletedAt == null, cancellationToken);
        if (milestone is null || milestone.IsDefault || !milestone.IsOverdue(now))
        {
            return DeadlineOutcome.NotDue;
        }

        milestone.MissDeadline(now);
        await db.SaveChangesAsync(cancellationToken);
        return DeadlineOutcome.Failed;
    }
}
