namespace Milestones.Application.Common.Mapping;

public sealed record UserDto
{
    public long Id { get; init; }
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public bool IsAdmin { get; init; }
    public DateTime CreatedAt { get; init; }
}
