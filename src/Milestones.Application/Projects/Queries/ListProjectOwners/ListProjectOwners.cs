namespace Milestones.Application.Projects.Queries.ListProjectOwners;

/// <summary>Who owns each of these projects (those the caller may read): for answers that name a milestone's owner, as seed 000's do.</summary>
[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record ListProjectOwnersQuery(IReadOnlyList<long> ProjectIds) : IQuery<IReadOnlyList<ProjectOwnerDto>>;

public sealed record ProjectOwnerDto(long ProjectId, long UserId, string Username);

public sealed class ListProjectOwnersValidator : AbstractValidator<ListProjectOwnersQuery>
{
    public const int MaxProjects = 1_000;

    public ListProjectOwnersValidator() =>
        RuleFor(x => x.ProjectIds).Must(ids => ids.Count <= MaxProjects).WithMessage($"At most {MaxProjects} projects at a time.");
}

public sealed class ListProjectOwnersHandler(IApplicationDbContext db, ProjectAccess access)
    : IQueryHandler<ListProjectOwnersQuery, IReadOnlyList<ProjectOwnerDto>>
{
    public async ValueTask<IReadOnlyList<ProjectOwnerDto>> Handle(ListProjectOwnersQuery query, CancellationToken cancellationToken)
    {
        var ids = query.ProjectIds.Distinct().ToList();
        var readable = access.ReadableProjectIds();
        return await db.Projects
            .Where(p => ids.Contains(p.Id) && readable.Contains(p.Id))
            .Join(db.Users, p => p.OwnerId, u => u.Id, (p, u) => new ProjectOwnerDto(p.Id, u.Id, u.Username))
            .ToListAsync(cancellationToken);
    }
}
