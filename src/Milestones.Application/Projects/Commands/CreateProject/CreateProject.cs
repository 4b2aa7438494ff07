using Milestones.Application.Common.Models;

namespace Milestones.Application.Projects.Commands.CreateProject;

[RequiresScope(Scopes.Write)]
public sealed record CreateProjectCommand(string Name, string? Description, Visibility? Visibility, DeadlinePolicy? DeadlinePolicy = null) : ICommand<ProjectDto>;

public sealed class CreateProjectValidator : AbstractValidator<CreateProjectCommand>
{
    public CreateProjectValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("name is required.").Name("name", Project.NameMaxLength);
        RuleFor(x => x.Description).FreeText("description", Project.DescriptionMaxLength);
    }
}

/// <summary>Creates the project, makes the caller its admin and creates its default "Uncategorised" milestone, in one transaction.</summary>
public sealed class CreateProjectHandler(IApplicationDbContext db, IUser caller, TimeProvider clock)
    : ICommandHandler<CreateProjectCommand, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(CreateProjectCommand command, CancellationToken cancellationToken)
    {
        var project = Project.Create(
            command.Name.Trim(),
            command.Description,
            command.Visibility ?? Visibility.Private,
            caller.Id!.Value,
            clock.GetUtcNow().UtcDateTime,
            out var defaultMilestone,
            command.DeadlinePolicy ?? DeadlinePolicy.Fail);

        db.Projects.Add(project);
        db.Milestones.Add(defaultMilestone);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ProjectDtoAsync(project.Id, cancellationToken);
    }
}
