using Milestones.Application.Common.Models;

namespace Milestones.Application.Users.Queries.ListApiKeys;

[RequiresScope(Scopes.Read)]
/// <summary>The caller's keys (<paramref name="UserId"/> null) or, for a global admin, another user's; never their secrets.</summary>
public sealed record ListApiKeysQuery(int? Limit, int? Offset, int? Page, long? UserId = null) : IQuery<PagedList<ApiKeyDto>>, IPagedQuery;

public sealed class ListApiKeysValidator : FluentValidation.AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysValidator() => Include(new PagingValidator<ListApiKeysQuery>());
}

public sealed class ListApiKeysHandler(IApplicationDbContext db, IUser caller)
    : IQueryHandler<ListApiKeysQuery, PagedList<ApiKeyDto>>
{
    public async ValueTask<PagedList<ApiKeyDto>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var owner = KeyOwner.Resolve(caller, query.UserId, "list keys");
        var keys = db.ApiKeys.Where(k => k.UserId == owner);
        return await keys.OrderByDescending(k => k.Id)
            .Select(ApiKeyDto.Projection)
            .ToPagedListAsync(query, cancellationToken);
    }
}
