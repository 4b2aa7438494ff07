using Milestones.Domain.Enums;

namespace Milestones.Api.Contracts;

/// <summary>A member's role in the project.</summary>
public sealed record SetMemberRequest
{
    [ContractRequired]
    public ProjectRole? Role { get; init; }
}
