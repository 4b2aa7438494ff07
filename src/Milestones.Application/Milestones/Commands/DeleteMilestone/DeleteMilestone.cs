using System.Text.Json.Serialization;
using Milestones.Application.Common.Behaviours;
using Milestones.Application.Common.Counters;
using Milestones.Application.Common.Models;
using Milestones.Application.Milestones.Queries.GetMilestone;

namespace Milestones.Application.Milestones.Commands.DeleteMilestone;

/// <summary>
/// Soft-deletes a milestone (admins only). Its tasks move to the project's default milestone, or to
/// <see cref="ReassignTo"/>, or (<c>tasks=delete</c>) are soft-deleted with it.
/// </summary>
[RequiresScope(Scopes.Write)]
public sealed record DeleteMilestoneCommand(long MilestoneId, string? Tasks = null, long? ReassignTo = null, IReadOnlyList<string>? ExpectedVersions = null)
    : ICommand<DeleteMilestoneResult>, IConditionalCommand, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForMilestoneAsync(MilestoneId, cancellationToken)).RequireAdmin("delete milestones");

    public IMessage CurrentRepresentationQuery() => new GetMilestoneQuery(MilestoneId);
}

public sealed record DeleteMilestoneResult(long Id, string Tasks, int Count, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ReassignTo)
    : DeletedResult(Id);

public sealed class DeleteMilestoneValidator : AbstractValidator<DeleteMilestoneCommand>
{
    public DeleteMilestoneValidator()
    {
        RuleFor(x => x.Tasks).Must(t => t is null || EnumValues<TaskDisposal>.IsDefined(t))
            .WithMessage($"tasks must be one of: {EnumValues<TaskDisposal>.Allowed}.");
        RuleFor(x => x.ReassignTo).Null().When(x => x.Tasks == "delete")
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
        var disposal = EnumValues<TaskDisposal>.ParseOrNull(command.Tasks) ?? TaskDisposal.Reassign;
        var now = clock.GetUtcNow().UtcDateTime;

        var tasks = db.Tasks.Where(t => t.MilestoneId == milestone.Id);
        var total = await tasks.CountAsync(cancellationToken);
        var completed = await tasks.CountAsync(t => t.Completed, cancellationToken);
        long? target = disposal == TaskDisposal.Reassign
            ? await ReassignTargetAsync(milestone.ProjectId, milestone.Id, command.ReassignTo, cancellationToken)
            : null;

        // The domain refuses the default milestone before anything moves.
        milestone.SoftDelete(now, disposal, total, target);
        await db.CloseMilestoneSlotAsync(milestone, cancellationToken);

        if (target is { } targetId)
        {
            var offset = await db.Tasks.Where(t => t.MilestoneId == targetId).MaxAsync(t => (int?)t.Position, cancellationToken) ?? 0;

            await tasks.ExecuteUpdateAsync(s => s
                .SetProperty(t => t.MilestoneId, targetId)
                .SetProperty(t => t.Position, t => t.Position + offset)
                .SetProperty(t => t.UpdatedAt, now), cancellationToken);
            await db.AdjustMilestoneTasksAsync(targetId, total, completed, cancellationToken);
        }
        else
        {
            await tasks.ExecuteUpdateAsync(s => s
                .SetProperty(t => t.DeletedAt, now)
                .SetProperty(t => t.UpdatedAt, now), cancellationToken);
            await db.AdjustProjectTasksAsync(milestone.ProjectId, -total, -completed, cancellationToken);
        }

        await db.AdjustMilestoneTasksAsync(milestone.Id, -total, -completed, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        return new DeleteMilestoneResult(milestone.Id, target is null ? "deleted" : "reassigned", total, target);
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
