using Milestones.Application.Common.Models;

namespace Milestones.Application.Members.Commands.SetMember;

/// <summary>Adds a member with a role, or changes a member's role (PUT is idempotent).</summary>
[RequiresScope(Scopes.Write)]
public sealed record SetMemberCommand(long ProjectId, string IdOrUsername, ProjectRole? Role) : ICommand<MemberDto>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForProjectAsync(ProjectId, cancellationToken)).RequireAdmin("manage members");
}

public sealed class SetMemberValidator : AbstractValidator<SetMemberCommand>
{
    public SetMemberValidator()
    {
        RuleFor(x => x.Role).NotNull().WithMessage($"role is required: one of {EnumValues<ProjectRole>.Allowed}.");
    }
}

public sealed class SetMemberHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<SetMemberCommand, MemberDto>
{
    public async ValueTask<MemberDto> Handle(SetMemberCommand command, CancellationToken cancellationToken)
    {
        var userId = await db.UserIdAsync(command.IdOrUsername, cancellationToken);
        var project = await db.Projects.Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken).OrNotFound("Project", command.ProjectId);
        project.SetMemberRole(userId, command.Role!.Value, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);

        return await db.ProjectMembers.Where(m => m.ProjectId == command.ProjectId && m.UserId == userId)
            .Select(MemberDto.Projection)
            .FirstAsync(cancellationToken);
    }
}
