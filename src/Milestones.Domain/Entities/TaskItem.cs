using Milestones.Domain.Common;
using Milestones.Domain.Events;

namespace Milestones.Domain.Entities;

/// <summary>A task inside a milestone. (Named TaskItem so it never collides with System.Threading.Tasks.Task.)</summary>
public sealed class TaskItem : AuditableEntity, IOrdered
{
    public const int TitleMaxLength = 500;

    private TaskItem() { }

    public long ProjectId { get; private set; }

    public long MilestoneId { get; private set; }

    public Milestone? Milestone { get; private set; }

    public string Title { get; private set; } = "";

    public bool Completed { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public int Position { get; private set; }

    public DateTime? DeletedAt { get; private set; }

    public static TaskItem Create(Milestone milestone, string title, bool completed, Slot position, DateTime now)
    {
        milestone.EnsureAcceptsTasks();
        var task = new TaskItem
        {
            ProjectId = milestone.ProjectId,
            MilestoneId = milestone.Id,
            Milestone = milestone,
            Title = Text.Nfc(title),
            Completed = completed,
            CompletedAt = completed ? now : null,
            Position = position.Position,
        };
        task.Raise(new TaskCreated(task, completed, position.Displaces));
        return task;
    }

    public void Rename(string sent)
    {
        EnsureLive();
        var title = Text.Nfc(sent);
        if (title == Title)
        {
            return;
        }

        Title = title;
        Raise(new TaskUpdated(this, new Dictionary<string, object?> { ["title"] = title }));
    }

    public void Reposition(int position)
    {
        EnsureLive();
        if (position == Position)
        {
            return;
        }

        var from = Position;
        Position = position;
        Raise(new TaskRepositioned(this, from));
        Raise(new TaskUpdated(this, new Dictionary<string, object?> { ["position"] = position }));
    }

    public void Complete(DateTime now)
    {
        EnsureLive();
        if (Completed)
        {
            return;
        }

        Completed = true;
        CompletedAt = now;
        Raise(new TaskCompletionChanged(this, true));
    }

    public void Reopen()
    {
        EnsureLive();
        if (!Completed)
        {
            return;
        }

        Completed = false;
        CompletedAt = null;
        Raise(new TaskCompletionChanged(this, false));
    }

    /// <summary>Moves the task to another live milestone of the same project, at <paramref name="position"/>.</summary>
    public void MoveTo(Milestone target, Slot position)
    {
        EnsureLive();
        if (target.ProjectId != ProjectId)
        {
            throw new DomainException("A task can only move to a milestone of the same project.");
        }

        target.EnsureAcceptsTasks();
        if (target.Id == MilestoneId)
        {
            return;
        }

        var (from, fromPosition) = (MilestoneId, Position);
        MilestoneId = target.Id;
        Milestone = target;
        Position = position.Position;
        Raise(new TaskMoved(this, from, fromPosition, target.Id, Completed, position.Displaces));
    }

    public void SoftDelete(DateTime now)
    {
        EnsureLive();
        DeletedAt = now;
        Raise(new TaskDeleted(this, Completed));
    }

    private void EnsureLive()
    {
        if (DeletedAt is not null)
        {
            throw new DomainException("The task is deleted.");
        }
    }
}
