using Milestones.Application.Common.Models;

namespace Milestones.Application.Tasks.Queries.ListTasks;

/// <summary>A milestone's live tasks by position; <c>completed</c> filters.</summary>
[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record ListTasksQuery(long MilestoneId, bool? Completed, int? Limit, int? Offset, int? Page) : IQuery<PagedList<TaskDto>>, IPagedQuery, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        await access.ForMilestoneAsync(MilestoneId, cancellationToken);
}

public sealed class ListTasksValidator : AbstractValidator<ListTasksQuery>
{
    public ListTasksValidator() => Include(new PagingValidator<ListTasksQuery>());
}

public sealed class ListTasksHandler(IApplicationDbContext db)
    : IQueryHandler<ListTasksQuery, PagedList<TaskDto>>
{
    public async ValueTask<PagedList<TaskDto>> Handle(ListTasksQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Milestones.AnyAsync(m => m.Id == query.MilestoneId, cancellationToken))
        {
            throw new NotFoundException("Milestone", query.MilestoneId);
        }

        var tasks = db.Tasks.Where(t => t.MilestoneId == query.MilestoneId);
        if (query.Completed is { } completed)
        {
            tasks = tasks.Where(t => t.Completed == completed);
        }

        return await tasks.OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(TaskDto.Projection)
            .ToPagedListAsync(query, cancellationToken);
    }
}
