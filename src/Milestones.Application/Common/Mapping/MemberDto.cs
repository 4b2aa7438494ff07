namespace Milestones.Application.Common.Mapping;

public sealed record MemberDto
{
    public long ProjectId { get; init; }
    public long UserId { get; init; }
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public ProjectRole Role { get; init; }
    public DateTime AddedAt { get; init; }
}
