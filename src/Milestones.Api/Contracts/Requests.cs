using Milestones.Domain.Common;

namespace Milestones.Api.Contracts;

// Request bodies. Enumerated values travel as strings so an unknown one is a 422 that names the
// allowed values, not a 400. Unknown properties are rejected (400) so a typo never passes silently.

public sealed record CreateUserRequest(string? Username, string? DisplayName, bool? IsAdmin);

public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes, DateTime? ExpiresAt);

public sealed record CreateProjectRequest(string? Name, string? Description, string? Visibility);

public sealed record UpdateProjectRequest(string? Name, string? Description, string? Visibility);

public sealed record SetMemberRequest(string? Role);

public sealed record NewTaskRequest(string? Title, bool? Completed);

public sealed record CreateMilestoneRequest(
    string? Title,
    string? Description,
    string? Status,
    string? Color,
    DateTime? DueDate,
    int? Position,
    decimal? GoalAmount,
    IReadOnlyList<NewTaskRequest>? Tasks);

/// <summary>Only the properties sent change. <c>dueDate</c> or <c>goalAmount</c> sent as null clear them.</summary>
public sealed record UpdateMilestoneRequest
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Status { get; init; }
    public string? Color { get; init; }
    public int? Position { get; init; }
    public Optional<DateTime?> DueDate { get; init; }
    public Optional<decimal?> GoalAmount { get; init; }
}

public sealed record ReorderMilestonesRequest(IReadOnlyList<long>? MilestoneIds);

public sealed record CreateTaskRequest(string? Title, bool? Completed, int? Position);

public sealed record UpdateTaskRequest(string? Title, bool? Completed, long? MilestoneId, int? Position);

public sealed record PledgeSupportRequest(decimal? Amount, string? Message);
