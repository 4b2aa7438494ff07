using Milestones.Application.Common.Models;

namespace Milestones.Application.Members.Queries.ListMembers;

[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record ListMembersQuery(long ProjectId, int? Limit, int? Offset, int? Page) : IQuery<PagedList<MemberDto>>, IPagedQuery, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        await access.ForProjectAsync(ProjectId, cancellationToken);
}

public sealed class ListMembersValidator : AbstractValidator<ListMembersQuery>
{
    public ListMembersValidator() => Include(new PagingValidator<ListMembersQuery>());
}

public sealed class ListMembersHandler(IApplicationDbContext db)
    : IQueryHandler<ListMembersQuery, PagedList<MemberDto>>
{
    public async ValueTask<PagedList<MemberDto>> Handle(ListMembersQuery query, CancellationToken cancellationToken)
    {
        var members = db.ProjectMembers.Where(m => m.ProjectId == query.ProjectId);
        return await members.OrderBy(m => m.AddedAt).ThenBy(m => m.UserId)
            .Select(MemberDto.Projection)
            .ToPagedListAsync(query, cancellationToken);
    }
}
