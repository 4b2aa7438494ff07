using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Domain.Events;

/// <summary>
/// The milestone's <paramref name="Tally"/> of tasks goes with <paramref name="Tasks"/>: to
/// <paramref name="ReassignTo"/>, or deleted. Its activity entry is written after the milestone's pledges
/// are released, and names that resolution.
/// </summary>
public sealed record MilestoneDeleted(Milestone Milestone, TaskDisposal Tasks, TaskTally Tally, long? ReassignTo) : DomainEvent
{
    /// <summary>What became of the tasks, in the activity entry and the delete's answer.</summary>
    public const string TasksReassigned = "reassigned";
    public const string TasksDeleted = "deleted";

    public ActivityRecord ToActivity(IReadOnlyDictionary<string, object?> supports)
    {
        var data = new Dictionary<string, object?>
        {
            ["tasks"] = Tasks == TaskDisposal.Reassign ? TasksReassigned : TasksDeleted,
            ["count"] = Tally.Total,
        };
        if (ReassignTo is not null)
        {
            data["reassignTo"] = ReassignTo;
        }

        data["supports"] = supports;
        return new(EventTypes.MilestoneDeleted, Milestone.ProjectId, Milestone.Id, null, data);
    }
}
