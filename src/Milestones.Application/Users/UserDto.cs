using System.Linq.Expressions;

namespace Milestones.Application.Users;

public sealed record UserDto
{
    public long Id { get; init; }
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public bool IsAdmin { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>The one map from a user; <see cref="From"/> runs it in memory.</summary>
    public static readonly Expression<Func<User, UserDto>> Projection = u => new UserDto
    {
        Id = u.Id,
        Username = u.Username,
        DisplayName = u.DisplayName,
        IsAdmin = u.IsAdmin,
        CreatedAt = u.CreatedAt,
    };

    private static readonly Func<User, UserDto> InMemory = Projection.Compile();

    public static UserDto From(User user) => InMemory(user);
}
