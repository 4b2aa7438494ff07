using System.Diagnostics.CodeAnalysis;

namespace Milestones.Api.Contracts;

/// <summary>A pledge of support for a milestone.</summary>
public sealed record PledgeSupportRequest
{
    [ContractRequired]
    public decimal? Amount { get; init; }

    [DisallowNull]
    public string? Message { get; init; }
}
