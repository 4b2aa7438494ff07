using System.Diagnostics.CodeAnalysis;

namespace Milestones.Api.Contracts;

/// <summary>A new user (admins only).</summary>
public sealed record CreateUserRequest
{
    [ContractRequired]
    public string? Username { get; init; }

    [DisallowNull]
    public string? DisplayName { get; init; }

    [DisallowNull]
    public bool? IsAdmin { get; init; }
}
