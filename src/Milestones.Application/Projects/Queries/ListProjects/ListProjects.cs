using Milestones.Application.Common.Models;

namespace Milestones.Application.Projects.Queries.ListProjects;

/// <summary>
/// Without <c>visibility</c>: the projects the caller belongs to (anonymous callers: public ones).
/// <c>visibility=public</c>: every public project; <c>visibility=private</c>: the caller's private ones.
/// </summary>
[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record ListProjectsQuery(Visibility? Visibility, int? Limit, int? Offset, int? Page) : IQuery<PagedList<ProjectDto>>, IPagedQuery;

public sealed class ListProjectsValidator : AbstractValidator<ListProjectsQuery>
{
    public ListProjectsValidator()
    {
        Include(new PagingValidator<ListProjectsQuery>());
    }
}

public sealed class ListProjectsHandler(IApplicationDbContext db, IUser caller)
    : IQueryHandler<ListProjectsQuery, PagedList<ProjectDto>>
{
    public async ValueTask<PagedList<ProjectDto>> Handle(ListProjectsQuery query, CancellationToken cancellationToken)
    {
        var me = caller.Id;
        var visibility = query.Visibility;
        var projects = visibility switch
        {
            Visibility.Public => db.Projects.Where(p => p.Visibility == Visibility.Public),
            Visibility.Private => db.Projects.Where(p => p.Visibility == Visibility.Private && p.Members.Any(m => m.UserId == me)),
            _ when me is null => db.Projects.Where(p => p.Visibility == Visibility.Public),
            _ => db.Projects.Where(p => p.Members.Any(m => m.UserId == me)),
        };

        return await projects.OrderByDescending(p => p.Id)
            .Select(ProjectDto.Projection)
            .ToPagedListAsync(query, cancellationToken);
    }
}
