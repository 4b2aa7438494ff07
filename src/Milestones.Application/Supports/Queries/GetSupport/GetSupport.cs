
namespace Milestones.Application.Supports.Queries.GetSupport;

[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record GetSupportQuery(long SupportId) : IQuery<SupportDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        await access.ForSupportAsync(SupportId, cancellationToken);
}

public sealed class GetSupportHandler(IApplicationDbContext db) : IQueryHandler<GetSupportQuery, SupportDto>
{
    public async ValueTask<SupportDto> Handle(GetSupportQuery query, CancellationToken cancellationToken)
    {
        var support = await db.Supports.Where(s => s.Id == query.SupportId)
            .Select(SupportDto.Projection)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Support", query.SupportId);
        return support;
    }
}
