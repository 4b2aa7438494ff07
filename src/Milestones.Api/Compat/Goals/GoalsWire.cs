using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Milestones;
using Milestones.Application.Milestones.Commands.CreateMilestone;
using Milestones.Application.Milestones.Commands.UpdateMilestone;
using Milestones.Application.Tasks;
using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Api.Compat.Goals;

// Seed 001's wire (StriveJournal): a goal is a project, `content` is the title, `subtasks` are tasks,
// `order` is 0-based among the goal's categorised milestones, `deadline` is the due date at the end of
// its day, statuses are pending | succeeded | failed, and ids are strings of our ids.

public sealed record GoalsEnvelope<T>(T Data);

public sealed record GoalsSubtask(string Id, string Content, bool Completed);

public sealed record GoalsMilestone(
    string Id, string Content, string Description, string Status, int Order, DateTime? Deadline,
    IReadOnlyList<GoalsSubtask> Subtasks, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static GoalsMilestone From(MilestoneDto m, IEnumerable<TaskDto> tasks) => new(
        m.Id.ToString(CultureInfo.InvariantCulture), m.Title, m.Description, GoalsStatus.Name(m.Status), m.Position - 1, m.DueDate,
        tasks.Where(t => t.MilestoneId == m.Id).Select(t => new GoalsSubtask(t.Id.ToString(CultureInfo.InvariantCulture), t.Title, t.Completed)).ToList(),
        m.CreatedAt, m.UpdatedAt);
}

public sealed record GoalsDeleted(string Id, bool Deleted);

// A subtask sent with a new milestone.
public sealed record GoalsSubtaskDraft(string? Content, bool? Completed);

// A subtask in a PATCH's whole list: with the id of one of the milestone's subtasks, or without to add one.
public sealed record GoalsSubtaskState(string? Id, string? Content, bool? Completed)
{
    public TaskState ToState() => new(
        Id is null ? null
            : long.TryParse(Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
            : throw new ValidationFailedException("subtasks", $"subtasks names '{Id}', which is not a subtask id; leave id out to add a subtask."),
        Content,
        Completed);
}

public static class GoalsStatus
{
    public const string Invalid = "status must be one of: pending, succeeded, failed";

    // in_progress has no name in this seed: it reads as pending; reached is the seed's succeeded.
    public static string Name(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Reached => "succeeded",
        MilestoneStatus.Failed => "failed",
        _ => "pending",
    };

    public static MilestoneStatus Parse(string? name) => name switch
    {
        "pending" => MilestoneStatus.Pending,
        "succeeded" => MilestoneStatus.Reached,
        "failed" => MilestoneStatus.Failed,
        _ => throw new ValidationFailedException("status", Invalid),
    };

    // The seed's deadline is a day: whatever time is sent, the milestone is due at that day's last millisecond (UTC).
    public static DateTime? EndOfDay(DateTime? deadline) => deadline?.Date.AddDays(1).AddMilliseconds(-1);
}

// POST body. `order` defaults to after the last milestone (the seed stored 0 for every such milestone, so orders collided).
public sealed record NewGoalsMilestone
{
    public string? Content { get; init; }

    [DisallowNull]
    public string? Description { get; init; }

    public DateTime? Deadline { get; init; }

    [DisallowNull]
    public int? Order { get; init; }

    [DisallowNull]
    public IReadOnlyList<GoalsSubtaskDraft>? Subtasks { get; init; }

    public CreateMilestoneCommand ToCommand(long goalId) => new(
        goalId,
        new MilestoneDraft
        {
            Title = Content is null ? throw new ValidationFailedException("content", GoalsDialect.ContentRequired) : Content,
            Description = Description,
            DueDate = GoalsStatus.EndOfDay(Deadline),
        },
        Order + 1,
        Subtasks?.Select(s => s is null ? null! : new TaskDraft(s.Content, s.Completed)).ToList());
}

// PATCH body: only the fields sent change; `subtasks`, when sent, is the milestone's whole list (listed ones
// change, new ones are added, left-out ones are deleted).
public sealed record GoalsMilestonePatch
{
    [DisallowNull]
    public string? Content { get; init; }

    [DisallowNull]
    public string? Description { get; init; }

    public Optional<DateTime?> Deadline { get; init; }

    [DisallowNull]
    public string? Status { get; init; }

    [DisallowNull]
    public int? Order { get; init; }

    [DisallowNull]
    public IReadOnlyList<GoalsSubtaskState>? Subtasks { get; init; }

    public UpdateMilestoneCommand ToCommand(long milestoneId)
    {
        if (Content is null && Description is null && !Deadline.HasValue && Status is null && Order is null && Subtasks is null)
        {
            throw new ValidationFailedException("body", GoalsDialect.NothingToUpdate);
        }

        var changes = new MilestoneChanges
        {
            Title = Content,
            Description = Description,
            Status = Status is null ? null : GoalsStatus.Parse(Status),
            Position = Order + 1,
            DueDate = Deadline.HasValue ? GoalsStatus.EndOfDay(Deadline.Value) : default(Optional<DateTime?>),
        };
        return new UpdateMilestoneCommand(milestoneId, changes) { Tasks = Subtasks?.Select(s => s is null ? null! : s.ToState()).ToList() };
    }
}
