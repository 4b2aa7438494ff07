
namespace Milestones.Application.Users.Queries.GetApiKey;

/// <summary>One of the caller's own keys or, for a global admin, another user's (never its secret).</summary>
[RequiresScope(Scopes.Read)]
public sealed record GetApiKeyQuery(long KeyId, long? UserId = null) : IQuery<ApiKeyDto>;

public sealed class GetApiKeyHandler(IApplicationDbContext db, IUser caller) : IQueryHandler<GetApiKeyQuery, ApiKeyDto>
{
    public async ValueTask<ApiKeyDto> Handle(GetApiKeyQuery query, CancellationToken cancellationToken)
    {
        var owner = KeyOwner.Resolve(caller, query.UserId, "read keys");
        return await db.ApiKeys.Where(k => k.Id == query.KeyId && k.UserId == owner)
            .Select(ApiKeyDto.Projection)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("API key", query.KeyId);
    }
}
