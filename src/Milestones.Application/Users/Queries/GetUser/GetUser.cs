
namespace Milestones.Application.Users.Queries.GetUser;

/// <summary><paramref name="IdOrUsername"/>: a numeric id, a username, or "me".</summary>
[RequiresScope(Scopes.Read)]
public sealed record GetUserQuery(string IdOrUsername) : IQuery<UserDto>;

public sealed class GetUserHandler(IApplicationDbContext db, IUser caller) : IQueryHandler<GetUserQuery, UserDto>
{
    public async ValueTask<UserDto> Handle(GetUserQuery query, CancellationToken cancellationToken)
    {
        var users = db.Users.AsQueryable();
        if (query.IdOrUsername == "me")
        {
            var me = caller.Id;
            users = users.Where(u => u.Id == me);
        }
        else if (long.TryParse(query.IdOrUsername, out var id))
        {
            users = users.Where(u => u.Id == id);
        }
        else
        {
            var normalized = User.Normalize(query.IdOrUsername);
            users = users.Where(u => u.NormalizedUsername == normalized);
        }

        return await users.Select(UserDto.Projection).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("User", query.IdOrUsername);
    }
}
