using Milestones.Application.Common.Models;

namespace Milestones.Application.Users.Commands.RevokeApiKey;

/// <summary>Revokes one of the caller's keys (<paramref name="UserId"/> null) or, for a global admin, another user's.</summary>
[RequiresScope(Scopes.Write)]
public sealed record RevokeApiKeyCommand(long KeyId, long? UserId = null) : ICommand<RevokedApiKeyResult>;

public sealed record RevokedApiKeyResult(long Id, DateTime RevokedAt) : DeletedResult(Id);

public sealed class RevokeApiKeyHandler(IApplicationDbContext db, IUser caller, TimeProvider clock, IApiKeyCache cache)
    : ICommandHandler<RevokeApiKeyCommand, RevokedApiKeyResult>
{
    public async ValueTask<RevokedApiKeyResult> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var owner = KeyOwner.Resolve(caller, command.UserId, "revoke keys");
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.KeyId && k.UserId == owner, cancellationToken)
            ?? throw new NotFoundException("API key", command.KeyId);

        key.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(key.Id); // at once on this instance, even before the commit: the database decides from here on
        return new RevokedApiKeyResult(key.Id, key.RevokedAt!.Value);
    }
}
