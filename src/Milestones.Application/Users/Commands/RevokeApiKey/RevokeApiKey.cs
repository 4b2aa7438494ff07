using Milestones.Application.Common.Models;

namespace Milestones.Application.Users.Commands.RevokeApiKey;

[RequiresScope(Scopes.Write)]
public sealed record RevokeApiKeyCommand(long KeyId) : ICommand<RevokedApiKeyResult>;

public sealed record RevokedApiKeyResult(long Id, DateTime RevokedAt) : DeletedResult(Id);

public sealed class RevokeApiKeyHandler(IApplicationDbContext db, IUser caller, TimeProvider clock, IApiKeyCache cache)
    : ICommandHandler<RevokeApiKeyCommand, RevokedApiKeyResult>
{
    public async ValueTask<RevokedApiKeyResult> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var me = caller.Id;
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.KeyId && k.UserId == me, cancellationToken)
            ?? throw new NotFoundException("API key", command.KeyId);

        key.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(key.Id); // at once on this instance, even before the commit: the database decides from here on
        return new RevokedApiKeyResult(key.Id, key.RevokedAt!.Value);
    }
}
