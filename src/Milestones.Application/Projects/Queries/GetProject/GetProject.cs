namespace Milestones.Application.Projects.Queries.GetProject;

[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record GetProjectQuery(long ProjectId) : IQuery<ProjectDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        await access.ForProjectAsync(ProjectId, cancellationToken);
}

public sealed class GetProjectHandler(IApplicationDbContext db)
    : IQueryHandler<GetProjectQuery, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(GetProjectQuery query, CancellationToken cancellationToken)
    {
        return await db.ProjectDtoAsync(query.ProjectId, cancellationToken);
    }
}
