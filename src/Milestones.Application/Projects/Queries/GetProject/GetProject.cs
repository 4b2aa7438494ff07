using AutoMapper;
using Mediator;
using Milestones.Application.Common.Interfaces;
using Milestones.Application.Common.Mapping;
using Milestones.Application.Common.Security;
using Milestones.Domain.Common;

namespace Milestones.Application.Projects.Queries.GetProject;

[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record GetProjectQuery(long ProjectId) : IQuery<ProjectDto>;

public sealed class GetProjectHandler(IApplicationDbContext db, IMapper mapper, ProjectAccess access)
    : IQueryHandler<GetProjectQuery, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(GetProjectQuery query, CancellationToken cancellationToken)
    {
        await access.ForProjectAsync(query.ProjectId, cancellationToken);
        return await db.ProjectDtoAsync(mapper, query.ProjectId, cancellationToken);
    }
}
