using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Domain.Events;

// Events keep a reference to their entity so that identities assigned on save are read when the
// event is dispatched (after SaveChanges, inside the same transaction). Values that can change
// later in the same unit of work are captured when the event is raised.

public sealed record ProjectCreated(Project Project) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("project.created", Project.Id, null, null,
        new Dictionary<string, object?> { ["name"] = Project.Name, ["visibility"] = Project.Visibility });
}

public sealed record ProjectUpdated(Project Project, IReadOnlyDictionary<string, object?> Changes) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("project.updated", Project.Id, null, null, Changes);
}

public sealed record ProjectDeleted(Project Project) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("project.deleted", Project.Id, null, null, new Dictionary<string, object?>());
}

public sealed record MemberAdded(Project Project, long UserId, ProjectRole Role) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("member.added", Project.Id, null, null,
        new Dictionary<string, object?> { ["userId"] = UserId, ["role"] = Role });
}

public sealed record MemberRoleChanged(Project Project, long UserId, ProjectRole From, ProjectRole To) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("member.role_changed", Project.Id, null, null,
        new Dictionary<string, object?> { ["userId"] = UserId, ["from"] = From, ["to"] = To });
}

public sealed record MemberRemoved(Project Project, long UserId) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("member.removed", Project.Id, null, null,
        new Dictionary<string, object?> { ["userId"] = UserId });
}

public sealed record MilestoneCreated(Milestone Milestone, MilestoneStatus Status) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("milestone.created", Milestone.ProjectId, Milestone.Id, null,
        new Dictionary<string, object?> { ["title"] = Milestone.Title, ["status"] = Status });
}

public sealed record MilestoneUpdated(Milestone Milestone, IReadOnlyDictionary<string, object?> Changes) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("milestone.updated", Milestone.ProjectId, Milestone.Id, null, Changes);
}

/// <summary>Its activity entry is written after the milestone's pledges are resolved, and names that resolution.</summary>
public sealed record MilestoneStatusChanged(Milestone Milestone, MilestoneStatus From, MilestoneStatus To) : DomainEvent
{
    public ActivityRecord ToActivity(IReadOnlyDictionary<string, object?> supports) => new("milestone.status_changed", Milestone.ProjectId, Milestone.Id, null,
        new Dictionary<string, object?> { ["from"] = From, ["to"] = To, ["supports"] = supports });
}

public sealed record MilestoneDeadlineMissed(Milestone Milestone, MilestoneStatus From) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("milestone.deadline_missed", Milestone.ProjectId, Milestone.Id, null,
        new Dictionary<string, object?> { ["dueDate"] = Milestone.DueDate, ["from"] = From });
}

/// <summary>Its activity entry is written after the milestone's pledges are released, and names that resolution.</summary>
public sealed record MilestoneDeleted(Milestone Milestone, TaskDisposal Tasks, int Count, long? ReassignTo) : DomainEvent
{
    public ActivityRecord ToActivity(IReadOnlyDictionary<string, object?> supports)
    {
        var data = new Dictionary<string, object?>
        {
            ["tasks"] = Tasks == TaskDisposal.Reassign ? "reassigned" : "deleted",
            ["count"] = Count,
        };
        if (ReassignTo is not null)
        {
            data["reassignTo"] = ReassignTo;
        }

        data["supports"] = supports;
        return new("milestone.deleted", Milestone.ProjectId, Milestone.Id, null, data);
    }
}

public sealed record MilestoneRestored(Milestone Milestone) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("milestone.restored", Milestone.ProjectId, Milestone.Id, null,
        new Dictionary<string, object?> { ["title"] = Milestone.Title });
}

public sealed record MilestonesReordered(long ProjectId, IReadOnlyList<long> MilestoneIds) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("milestones.reordered", ProjectId, null, null,
        new Dictionary<string, object?> { ["milestoneIds"] = MilestoneIds });
}

public sealed record TaskCreated(TaskItem Task, bool Completed) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("task.created", Task.ProjectId, Task.MilestoneId, Task.Id,
        new Dictionary<string, object?> { ["title"] = Task.Title, ["completed"] = Completed });
}

public sealed record TaskUpdated(TaskItem Task, IReadOnlyDictionary<string, object?> Changes) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("task.updated", Task.ProjectId, Task.MilestoneId, Task.Id, Changes);
}

public sealed record TaskCompletionChanged(TaskItem Task, bool Completed) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new(Completed ? "task.completed" : "task.reopened", Task.ProjectId, Task.MilestoneId, Task.Id,
        new Dictionary<string, object?>());
}

public sealed record TaskMoved(TaskItem Task, long FromMilestoneId, long ToMilestoneId, bool Completed) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("task.moved", Task.ProjectId, ToMilestoneId, Task.Id,
        new Dictionary<string, object?> { ["from"] = FromMilestoneId, ["to"] = ToMilestoneId });
}

public sealed record TaskDeleted(TaskItem Task, bool Completed) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("task.deleted", Task.ProjectId, Task.MilestoneId, Task.Id,
        new Dictionary<string, object?> { ["title"] = Task.Title });
}

public sealed record SupportPledged(Support Support) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("support.pledged", Support.ProjectId, Support.MilestoneId, null,
        new Dictionary<string, object?> { ["supportId"] = Support.Id, ["supporterId"] = Support.SupporterId, ["amount"] = Support.Amount });
}

public sealed record SupportWithdrawn(Support Support) : DomainEvent, IActivityEvent
{
    public ActivityRecord ToActivity() => new("support.withdrawn", Support.ProjectId, Support.MilestoneId, null,
        new Dictionary<string, object?> { ["supportId"] = Support.Id, ["supporterId"] = Support.SupporterId, ["amount"] = Support.Amount });
}
