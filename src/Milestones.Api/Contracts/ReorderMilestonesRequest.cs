
namespace Milestones.Api.Contracts;

/// <summary>Every live categorised milestone of the project, once, in their new order.</summary>
public sealed record ReorderMilestonesRequest
{
    [ContractRequired]
    public IReadOnlyList<long>? MilestoneIds { get; init; }
}
