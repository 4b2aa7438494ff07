using Milestones.Application.Common.Behaviours;
using Milestones.Application.Common.Models;
using Milestones.Application.Projects.Queries.GetProject;

namespace Milestones.Application.Projects.Commands.DeleteProject;

/// <summary>Soft-deletes a project: it disappears from every list and lookup; its rows are kept.</summary>
[RequiresScope(Scopes.Write)]
public sealed record DeleteProjectCommand(long ProjectId, IReadOnlyList<string>? ExpectedVersions = null) : ICommand<DeletedResult>, IConditionalCommand, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForProjectAsync(ProjectId, cancellationToken)).RequireAdmin("delete a project");

    public IMessage CurrentRepresentationQuery() => new GetProjectQuery(ProjectId);
}

public sealed class DeleteProjectHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<DeleteProjectCommand, DeletedResult>
{
    public async ValueTask<DeletedResult> Handle(DeleteProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken).OrNotFound("Project", command.ProjectId);
        project.SoftDelete(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new DeletedResult(project.Id);
    }
}
