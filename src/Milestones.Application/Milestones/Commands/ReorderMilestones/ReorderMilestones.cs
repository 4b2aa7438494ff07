using Milestones.Application.Common.Ordering;


namespace Milestones.Application.Milestones.Commands.ReorderMilestones;

/// <summary>The body lists every live categorised milestone of the project exactly once; they get positions 1..N.</summary>
[RequiresScope(Scopes.Write)]
public sealed record ReorderMilestonesCommand(long ProjectId, IReadOnlyList<long>? MilestoneIds) : ICommand<IReadOnlyList<MilestoneDto>>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForProjectAsync(ProjectId, cancellationToken)).RequireEditor("reorder milestones");
}

public sealed class ReorderMilestonesValidator : AbstractValidator<ReorderMilestonesCommand>
{
    public ReorderMilestonesValidator()
    {
        RuleFor(x => x.MilestoneIds).NotNull().WithMessage("milestoneIds is required: every live categorised milestone id, in the new order.");
        RuleFor(x => x.MilestoneIds).SetValidator(new MaxItemsOf<ReorderMilestonesCommand, long>(10_000))
            .WithMessage("milestoneIds lists too many ids.");
        RuleFor(x => x.MilestoneIds)
            .Must(ids => ids!.Distinct().Count() == ids!.Count).When(x => x.MilestoneIds is not null)
            .WithMessage((_, ids) => $"milestoneIds lists {string.Join(", ", ids!.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key))} more than once.");
    }
}

public sealed class ReorderMilestonesHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<ReorderMilestonesCommand, IReadOnlyList<MilestoneDto>>
{
    public async ValueTask<IReadOnlyList<MilestoneDto>> Handle(ReorderMilestonesCommand command, CancellationToken cancellationToken)
    {
        var ids = command.MilestoneIds!;
        var live = await db.MilestoneList(command.ProjectId).Rows.ToDictionaryAsync(m => m.Id, cancellationToken);

        var errors = new List<string>();
        var unknown = ids.Where(id => !live.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not a" : "are not")} live categorised milestone{(unknown.Count == 1 ? "" : "s")} of this project.");
        }

        var missing = live.Keys.Except(ids).Order().ToList();
        if (missing.Count > 0)
        {
            errors.Add($"Missing milestone{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}: list every live categorised milestone exactly once.");
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["milestoneIds"] = [.. errors] });
        }

        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken).OrNotFound("Project", command.ProjectId);
        project.ReorderMilestones(ids.Select(id => live[id]).ToList());
        await db.SaveChangesAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Milestones
            .Where(m => m.ProjectId == command.ProjectId)
            .OrderBy(m => m.Position).ThenBy(m => m.Id)
            .Select(MilestoneDto.ProjectionAt(now))
            .ToListAsync(cancellationToken);
    }
}
