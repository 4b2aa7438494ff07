using System.Linq.Expressions;

namespace Milestones.Application.Members;

public sealed record MemberDto
{
    public long ProjectId { get; init; }
    public long UserId { get; init; }
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public ProjectRole Role { get; init; }
    public DateTime AddedAt { get; init; }

    /// <summary>The one map from a membership, with its user's names.</summary>
    public static readonly Expression<Func<ProjectMember, MemberDto>> Projection = m => new MemberDto
    {
        ProjectId = m.ProjectId,
        UserId = m.UserId,
        Username = m.User!.Username,
        DisplayName = m.User!.DisplayName,
        Role = m.Role,
        AddedAt = m.AddedAt,
    };
}
