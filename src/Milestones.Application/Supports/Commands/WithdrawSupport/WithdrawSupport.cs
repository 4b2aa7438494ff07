using Milestones.Application.Common.Models;

namespace Milestones.Application.Supports.Commands.WithdrawSupport;

/// <summary>The supporter withdraws a pledged support, which releases it.</summary>
[RequiresScope(Scopes.Write)]
public sealed record WithdrawSupportCommand(long SupportId) : ICommand<WithdrawnSupportResult>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        await access.ForSupportAsync(SupportId, cancellationToken);
}

public sealed record WithdrawnSupportResult(long Id, SupportStatus Status, DateTime ResolvedAt) : DeletedResult(Id);

public sealed class WithdrawSupportHandler(IApplicationDbContext db, IUser caller, TimeProvider clock)
    : ICommandHandler<WithdrawSupportCommand, WithdrawnSupportResult>
{
    public async ValueTask<WithdrawnSupportResult> Handle(WithdrawSupportCommand command, CancellationToken cancellationToken)
    {
        var support = await db.Supports.FirstAsync(s => s.Id == command.SupportId, cancellationToken);
        if (support.SupporterId != caller.Id)
        {
            throw new ForbiddenAccessException("Only the supporter can withdraw a pledge.");
        }

        support.Withdraw(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new WithdrawnSupportResult(support.Id, support.Status, support.ResolvedAt!.Value);
    }
}
