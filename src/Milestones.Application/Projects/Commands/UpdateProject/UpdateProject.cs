using Milestones.Application.Common.Behaviours;
using Milestones.Application.Common.Models;
using Milestones.Application.Projects.Queries.GetProject;

namespace Milestones.Application.Projects.Commands.UpdateProject;

[RequiresScope(Scopes.Write)]
public sealed record UpdateProjectCommand(long ProjectId, string? Name, string? Description, string? Visibility, IReadOnlyList<string>? ExpectedVersions = null, string? DeadlinePolicy = null)
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
        RuleFor(x => x.Name).NotEmpty().When(x => x.Name is not null).WithMessage("name cannot be empty.")
            .MaximumLength(Project.NameMaxLength).WithMessage($"name must be at most {Project.NameMaxLength} characters.");
        RuleFor(x => x.Description).MaximumLength(Project.DescriptionMaxLength)
            .WithMessage($"description must be at most {Project.DescriptionMaxLength} characters.");
        RuleFor(x => x.Visibility).Must(v => v is null || EnumValues<Visibility>.IsDefined(v))
            .WithMessage($"visibility must be one of: {EnumValues<Visibility>.Allowed}.");
        RuleFor(x => x.DeadlinePolicy).Must(v => v is null || EnumValues<DeadlinePolicy>.IsDefined(v))
            .WithMessage($"deadlinePolicy must be one of: {EnumValues<DeadlinePolicy>.Allowed}.");
    }
}

public sealed class UpdateProjectHandler(IApplicationDbContext db, IMapper mapper)
    : ICommandHandler<UpdateProjectCommand, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(UpdateProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken).OrNotFound("Project", command.ProjectId);
        project.Update(command.Name?.Trim(), command.Description, EnumValues<Visibility>.ParseOrNull(command.Visibility),
            EnumValues<DeadlinePolicy>.ParseOrNull(command.DeadlinePolicy));
        await db.SaveChangesAsync(cancellationToken);
        return await db.ProjectDtoAsync(mapper, project.Id, cancellationToken);
    }
}
