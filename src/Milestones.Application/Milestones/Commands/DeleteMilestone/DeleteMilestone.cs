using Milestones.Application.Common.Ordering;
using System.Text.Json.Serialization;
using Milestones.Application.Common.Behaviours;
using Milestones.Application.Common.Models;
using Milestones.Application.Milestones.Queries.GetMilestone;
using Milestones.Domain.Events;

namespace Milestones.Application.Milestones.Commands.DeleteMilestone;

/// <summary>
/// Soft-deletes a milestone (admins only). Its tasks move to the project's default milestone, or to
/// <see cref="ReassignTo"/>, or (<c>tasks=delete</c>) are soft-deleted with it.
/// </summary>
[RequiresScope(Scopes.Write)]
public sealed record DeleteMilestoneCommand(long MilestoneId, TaskDisposal? Tasks = null, long? ReassignTo = null, IReadOnlyList<string>? ExpectedVersions = null)
    : ICommand<DeleteMilestoneResult>, IConditionalCommand, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForMilestoneAsync(MilestoneId, cancellationToken)).RequireAdmin("delete milestones");

    public IMessage CurrentRepresentationQuery() => new GetMilestoneQuery(MilestoneId);
}

/// <summary>What the deletion did: <see cref="Tasks"/> is <c>reassigned</c> or <c>deleted</c>, and how many.</summary>
public sealed record DeleteMilestoneResult(long Id, string Tasks, int Count, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ReassignTo)
    : DeletedResult(Id);

public sealed class DeleteMilestoneValidator : AbstractValidator<DeleteMilestoneCommand>
{
    public DeleteMilestoneValidator()
    {
        RuleFor(x => x.ReassignTo).Null().When(x => x.Tasks == TaskDisposal.Delete)
            .WithMessage("reassignTo only goes with tasks=reassign.");
    }
}

public sealed class DeleteMilestoneHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<DeleteMilestoneCommand, DeleteMilestoneResult>
{
    public async ValueTask<DeleteMilestoneResult> Handle(DeleteMilestoneCommand command, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == command.MilestoneId, cancellationToken)
            ?? throw new NotFoundException("Milestone", command.MilestoneId);
        var disposal = command.Tasks ?? TaskDisposal.Reassign;
        var now = clock.GetUtcNow().UtcDateTime;

        var tasks = db.Tasks.Where(t => t.MilestoneId == milestone.Id);
        var tally = new TaskTally(
            await tasks.CountAsync(cancellationToken),
            await tasks.CountAsync(t => t.Completed, cancellationToken));
        long? target = disposal == TaskDisposal.Reassign
            ? await ReassignTargetAsync(milestone.ProjectId, milestone.Id, command.ReassignTo, cancellationToken)
            : null;

        // The domain refuses the default milestone before anything moves; the tasks, their counters
        // and the pledges follow in the handlers of MilestoneDeleted, inside this transaction.
        milestone.SoftDelete(now, disposal, tally, target);
        await db.SaveChangesAsync(cancellationToken);

        return new DeleteMilestoneResult(milestone.Id, target is null ? MilestoneDeleted.TasksDeleted : MilestoneDeleted.TasksReassigned, tally.Total, target);
    }

    private async Task<long> ReassignTargetAsync(long projectId, long deletingId, long? requested, CancellationToken ct)
    {
        if (requested is null)
        {
            return await db.Milestones
                .Where(m => m.ProjectId == projectId && m.Type == MilestoneType.Uncategorised)
                .Select(m => m.Id)
                .FirstAsync(ct);
        }

        var valid = requested != deletingId &&
            await db.Milestones.AnyAsync(m => m.Id == requested && m.ProjectId == projectId, ct);
        return valid
            ? requested.Value
            : throw new ValidationFailedException("reassignTo", $"reassignTo {requested} is not another live milestone of this project.");
    }
}
