using AutoMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Common.Interfaces;
using Milestones.Application.Common.Mapping;
using Milestones.Application.Common.Security;
using Milestones.Domain.Common;

namespace Milestones.Application.Users.Commands.RevokeApiKey;

[RequiresScope(Scopes.Write)]
public sealed record RevokeApiKeyCommand(long KeyId) : ICommand<ApiKeyDto>;

public sealed class RevokeApiKeyHandler(IApplicationDbContext db, IMapper mapper, IUser caller, TimeProvider clock)
    : ICommandHandler<RevokeApiKeyCommand, ApiKeyDto>
{
    public async ValueTask<ApiKeyDto> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var me = caller.Id;
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.KeyId && k.UserId == me, cancellationToken)
            ?? throw new NotFoundException("API key", command.KeyId);

        key.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<ApiKeyDto>(key);
    }
}
