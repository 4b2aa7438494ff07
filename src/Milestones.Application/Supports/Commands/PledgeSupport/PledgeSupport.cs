
namespace Milestones.Application.Supports.Commands.PledgeSupport;

/// <summary>
/// A pledge toward a milestone. Anyone who can read the project may pledge (members, or anyone on
/// a public project) with a write-scoped key; only on a pending or in-progress milestone (else 409).
/// </summary>
[RequiresScope(Scopes.Write)]
public sealed record PledgeSupportCommand(long MilestoneId, decimal? Amount, string? Message) : ICommand<SupportDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        await access.ForMilestoneAsync(MilestoneId, cancellationToken);
}

public sealed class PledgeSupportValidator : AbstractValidator<PledgeSupportCommand>
{
    public PledgeSupportValidator()
    {
        RuleFor(x => x.Amount).NotNull().WithMessage("amount is required.")
            .MoneyAmount("amount", Money.MaxAmount);
        RuleFor(x => x.Message).FreeText("message", Support.MessageMaxLength);
    }
}

public sealed class PledgeSupportHandler(IApplicationDbContext db, IUser caller, TimeProvider clock)
    : ICommandHandler<PledgeSupportCommand, SupportDto>
{
    /// <summary>The milestone, tracked, compiled once (every pledge starts here; the access check already found it).</summary>
    private static readonly Func<DbContext, long, CancellationToken, Task<Milestone>> PledgedMilestone =
        EF.CompileAsyncQuery((DbContext c, long id, CancellationToken ct) => c.Set<Milestone>().IgnoreQueryFilters().First(m => m.Id == id));

    public async ValueTask<SupportDto> Handle(PledgeSupportCommand command, CancellationToken cancellationToken)
    {
        // Readable is enough: supporters, achievers, admins, and anyone on a public project.

        var milestone = await PledgedMilestone(Compiled.Context(db), command.MilestoneId, cancellationToken);
        var support = Support.Pledge(milestone, caller.Id!.Value, command.Amount!.Value, command.Message, clock.GetUtcNow().UtcDateTime);
        db.Supports.Add(support);
        await db.SaveChangesAsync(cancellationToken);

        return await db.SupportDtoAsync(support.Id, cancellationToken);
    }
}
