using Milestones.Api.Infrastructure;
using Milestones.Api.OpenApi;
using Milestones.Domain.Common;
using Milestones.Domain.Enums;

namespace Milestones.Api.Contracts;

// Request bodies. Enumerated values travel as strings so an unknown one is a 422 that names the
// allowed values, not a 400. Unknown properties are rejected (400) so a typo never passes silently.
// [NotNullWhenSent]: the field may be left out (its default applies) but not sent as null (422);
// fields without it (dueDate, goalAmount, expiresAt) take null as "none".

public sealed record CreateUserRequest(
    [property: ContractRequired] string? Username,
    [property: NotNullWhenSent] string? DisplayName,
    [property: NotNullWhenSent] bool? IsAdmin);

public sealed record CreateApiKeyRequest([property: ContractRequired] string? Name, [property: ContractRequired] IReadOnlyList<string>? Scopes, DateTime? ExpiresAt);

public sealed record CreateProjectRequest(
    [property: ContractRequired] string? Name,
    [property: NotNullWhenSent] string? Description,
    [property: NotNullWhenSent, AllowedValuesOf(typeof(Visibility))] string? Visibility,
    [property: NotNullWhenSent, AllowedValuesOf(typeof(DeadlinePolicy))] string? DeadlinePolicy);

public sealed record UpdateProjectRequest(
    [property: NotNullWhenSent] string? Name,
    [property: NotNullWhenSent] string? Description,
    [property: NotNullWhenSent, AllowedValuesOf(typeof(Visibility))] string? Visibility,
    [property: NotNullWhenSent, AllowedValuesOf(typeof(DeadlinePolicy))] string? DeadlinePolicy);

public sealed record SetMemberRequest([property: ContractRequired, AllowedValuesOf(typeof(ProjectRole))] string? Role);

public sealed record NewTaskRequest([property: ContractRequired] string? Title, bool? Completed);

public sealed record CreateMilestoneRequest(
    [property: ContractRequired] string? Title,
    [property: NotNullWhenSent] string? Description,
    [property: NotNullWhenSent, AllowedValuesOf(typeof(MilestoneStatus))] string? Status,
    [property: NotNullWhenSent, AllowedValuesOf(typeof(MilestoneColor))] string? Color,
    DateTime? DueDate,
    [property: NotNullWhenSent] int? Position,
    decimal? GoalAmount,
    [property: NotNullWhenSent] IReadOnlyList<NewTaskRequest>? Tasks);

/// <summary>Only the properties sent change. <c>dueDate</c> or <c>goalAmount</c> sent as null clear them.</summary>
public sealed record UpdateMilestoneRequest
{
    [NotNullWhenSent]
    public string? Title { get; init; }
    [NotNullWhenSent]
    public string? Description { get; init; }
    [NotNullWhenSent, AllowedValuesOf(typeof(MilestoneStatus))]
    public string? Status { get; init; }
    [NotNullWhenSent, AllowedValuesOf(typeof(MilestoneColor))]
    public string? Color { get; init; }
    [NotNullWhenSent]
    public int? Position { get; init; }
    public Optional<DateTime?> DueDate { get; init; }
    public Optional<decimal?> GoalAmount { get; init; }
}

public sealed record ReorderMilestonesRequest([property: ContractRequired] IReadOnlyList<long>? MilestoneIds);

public sealed record CreateTaskRequest(
    [property: ContractRequired] string? Title,
    [property: NotNullWhenSent] bool? Completed,
    [property: NotNullWhenSent] int? Position);

public sealed record UpdateTaskRequest(
    [property: NotNullWhenSent] string? Title,
    [property: NotNullWhenSent] bool? Completed,
    [property: NotNullWhenSent] long? MilestoneId,
    [property: NotNullWhenSent] int? Position);

public sealed record PledgeSupportRequest([property: ContractRequired] decimal? Amount, [property: NotNullWhenSent] string? Message);
