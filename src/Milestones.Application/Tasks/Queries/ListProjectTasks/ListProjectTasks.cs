namespace Milestones.Application.Tasks.Queries.ListProjectTasks;

/// <summary>
/// The live tasks of a project's milestones in one read, by milestone and position (optionally of the
/// milestones named): for answers that nest each milestone's tasks, which a page of tasks per
/// milestone would turn into a query per milestone.
/// </summary>
[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record ListProjectTasksQuery(long ProjectId, IReadOnlyList<long>? MilestoneIds = null) : IQuery<IReadOnlyList<TaskDto>>, IProjectRequest
{
    public const int MaxMilestones = 1_000;

    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        await access.ForProjectAsync(ProjectId, cancellationToken);
}

public sealed class ListProjectTasksValidator : AbstractValidator<ListProjectTasksQuery>
{
    public ListProjectTasksValidator() =>
        RuleFor(x => x.MilestoneIds).Must(ids => ids is null || ids.Count <= ListProjectTasksQuery.MaxMilestones)
            .WithMessage($"At most {ListProjectTasksQuery.MaxMilestones} milestones at a time.");
}

public sealed class ListProjectTasksHandler(IApplicationDbContext db)
    : IQueryHandler<ListProjectTasksQuery, IReadOnlyList<TaskDto>>
{
    public async ValueTask<IReadOnlyList<TaskDto>> Handle(ListProjectTasksQuery query, CancellationToken cancellationToken)
    {
        var tasks = db.Tasks.Where(t => t.ProjectId == query.ProjectId);
        if (query.MilestoneIds is { } ids)
        {
            tasks = tasks.Where(t => ids.Contains(t.MilestoneId));
        }

        return await tasks.OrderBy(t => t.MilestoneId).ThenBy(t => t.Position).ThenBy(t => t.Id)
            .Select(TaskDto.Projection)
            .ToListAsync(cancellationToken);
    }
}
