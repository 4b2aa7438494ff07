namespace Milestones.Domain.Events;

/// <summary>
/// Every type of activity event, each in one family. The one list the activity log writes, the event
/// filter and webhook subscriptions validate against, and the OpenAPI document lists as an enum.
/// </summary>
public static class EventTypes
{
    public const string ProjectCreated = "project.created";
    public const string ProjectUpdated = "project.updated";
    public const string ProjectDeleted = "project.deleted";
    public const string MemberAdded = "member.added";
    public const string MemberRoleChanged = "member.role_changed";
    public const string MemberRemoved = "member.removed";
    public const string MilestoneCreated = "milestone.created";
    public const string MilestoneUpdated = "milestone.updated";
    public const string MilestoneStatusChanged = "milestone.status_changed";
    public const string MilestoneDeadlineMissed = "milestone.deadline_missed";
    public const string MilestoneDeleted = "milestone.deleted";
    public const string MilestoneRestored = "milestone.restored";
    public const string MilestonesReordered = "milestones.reordered";
    public const string TaskCreated = "task.created";
    public const string TaskUpdated = "task.updated";
    public const string TaskCompleted = "task.completed";
    public const string TaskReopened = "task.reopened";
    public const string TaskMoved = "task.moved";
    public const string TaskDeleted = "task.deleted";
    public const string SupportPledged = "support.pledged";
    public const string SupportWithdrawn = "support.withdrawn";
    public const string WebhookDeactivated = "webhook.deactivated";

    /// <summary>What a webhook's <c>ping</c> delivery carries as its type; not an activity event.</summary>
    public const string Ping = "ping";

    /// <summary>Every activity event type, in the order of the lifecycle.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ProjectCreated, ProjectUpdated, ProjectDeleted,
        MemberAdded, MemberRoleChanged, MemberRemoved,
        MilestoneCreated, MilestoneUpdated, MilestoneStatusChanged, MilestoneDeadlineMissed, MilestoneDeleted, MilestoneRestored, MilestonesReordered,
        TaskCreated, TaskUpdated, TaskCompleted, TaskReopened, TaskMoved, TaskDeleted,
        SupportPledged, SupportWithdrawn,
        WebhookDeactivated,
    ];

    /// <summary>What a webhook delivery carries: an activity event's type, or <see cref="Ping"/>.</summary>
    public static readonly IReadOnlyList<string> Delivered = [.. All, Ping];

    /// <summary>The families a subscription may name instead of types; <c>*</c> is every event.</summary>
    public static readonly IReadOnlyList<string> Families = ["project.*", "member.*", "milestone.*", "task.*", "support.*", "webhook.*", "*"];

    /// <summary>What a webhook's <c>events</c> list may hold: a type or a family.</summary>
    public static readonly IReadOnlyList<string> Filters = [.. All, .. Families];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    public static bool IsFilter(string filter) => Filters.Contains(filter, StringComparer.Ordinal);

    /// <summary>"milestone.created" → "milestone.*"; the reorder of a project's milestones is a milestone event too.</summary>
    public static string FamilyOf(string type) => type == MilestonesReordered ? "milestone.*" : type[..(type.IndexOf('.') + 1)] + "*";

    /// <summary>Whether a subscription's filters select an event type.</summary>
    public static bool Matches(IEnumerable<string> filters, string type) =>
        filters.Any(f => f == "*" || f == type || f == FamilyOf(type));
}
