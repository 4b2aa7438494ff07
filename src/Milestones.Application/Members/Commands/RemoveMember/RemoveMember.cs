using Milestones.Application.Common.Models;

namespace Milestones.Application.Members.Commands.RemoveMember;

[RequiresScope(Scopes.Write)]
public sealed record RemoveMemberCommand(long ProjectId, string IdOrUsername) : ICommand<DeletedResult>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForProjectAsync(ProjectId, cancellationToken)).RequireAdmin("manage members");
}

public sealed class RemoveMemberHandler(IApplicationDbContext db)
    : ICommandHandler<RemoveMemberCommand, DeletedResult>
{
    public async ValueTask<DeletedResult> Handle(RemoveMemberCommand command, CancellationToken cancellationToken)
    {
        var userId = await db.UserIdAsync(command.IdOrUsername, cancellationToken);
        var project = await db.Projects.Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken).OrNotFound("Project", command.ProjectId);
        if (project.RoleOf(userId) is null)
        {
            throw new NotFoundException("Member", command.IdOrUsername);
        }

        project.RemoveMember(userId);
        await db.SaveChangesAsync(cancellationToken);
        return new DeletedResult(userId);
    }
}
