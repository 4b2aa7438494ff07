using Milestones.Application.Common.Models;

namespace Milestones.Application.Supports.Queries.ListSupports;

/// <summary>A milestone's supports, newest first; <c>status</c> filters.</summary>
[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record ListSupportsQuery(long MilestoneId, SupportStatus? Status, int? Limit, int? Offset, int? Page) : IQuery<PagedList<SupportDto>>, IPagedQuery, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        await access.ForMilestoneAsync(MilestoneId, cancellationToken);
}

public sealed class ListSupportsValidator : AbstractValidator<ListSupportsQuery>
{
    public ListSupportsValidator()
    {
        Include(new PagingValidator<ListSupportsQuery>());
    }
}

public sealed class ListSupportsHandler(IApplicationDbContext db, ProjectAccess access)
    : IQueryHandler<ListSupportsQuery, PagedList<SupportDto>>
{
    public async ValueTask<PagedList<SupportDto>> Handle(ListSupportsQuery query, CancellationToken cancellationToken)
    {
        var permission = await access.ForMilestoneAsync(query.MilestoneId, cancellationToken);
        if (!permission.IsAdmin && !await db.Milestones.AnyAsync(m => m.Id == query.MilestoneId, cancellationToken))
        {
            throw new NotFoundException("Milestone", query.MilestoneId);
        }

        var supports = db.Supports.Where(s => s.MilestoneId == query.MilestoneId);
        if (query.Status is { } status)
        {
            supports = supports.Where(s => s.Status == status);
        }

        return await supports.OrderByDescending(s => s.Id)
            .Select(SupportDto.Projection)
            .ToPagedListAsync(query, cancellationToken);
    }
}
