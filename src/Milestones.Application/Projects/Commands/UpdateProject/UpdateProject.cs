using Milestones.Application.Common.Behaviours;
using Milestones.Application.Projects.Queries.GetProject;

namespace Milestones.Application.Projects.Commands.UpdateProject;

[RequiresScope(Scopes.Write)]
public sealed record UpdateProjectCommand(long ProjectId, ProjectChanges Patch, IReadOnlyList<string>? ExpectedVersions = null)
    : ICommand<ProjectDto>, IConditionalCommand, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForProjectAsync(ProjectId, cancellationToken)).RequireAdmin("update a project");

    public IMessage CurrentRepresentationQuery() => new GetProjectQuery(ProjectId);
}

public sealed class UpdateProjectValidator : AbstractValidator<UpdateProjectCommand>
{
    public UpdateProjectValidator()
    {
        RuleFor(x => x.Patch.Name).Name("name", Project.NameMaxLength);
        RuleFor(x => x.Patch.Description).FreeText("description", Project.DescriptionMaxLength);
    }
}

public sealed class UpdateProjectHandler(IApplicationDbContext db)
    : ICommandHandler<UpdateProjectCommand, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(UpdateProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken).OrNotFound("Project", command.ProjectId);
        project.Update(command.Patch);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ProjectDtoAsync(project.Id, cancellationToken);
    }
}
