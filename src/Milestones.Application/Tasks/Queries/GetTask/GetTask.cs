namespace Milestones.Application.Tasks.Queries.GetTask;

[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record GetTaskQuery(long TaskId) : IQuery<TaskDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        await access.ForTaskAsync(TaskId, cancellationToken);
}

public sealed class GetTaskHandler(IApplicationDbContext db) : IQueryHandler<GetTaskQuery, TaskDto>
{
    public async ValueTask<TaskDto> Handle(GetTaskQuery query, CancellationToken cancellationToken)
    {
        return await db.TaskDtoAsync(query.TaskId, cancellationToken);
    }
}
