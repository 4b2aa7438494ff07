using System.Linq.Expressions;
using Milestones.Domain.Common;
using Milestones.Domain.Enums;
using Milestones.Domain.Events;

namespace Milestones.Domain.Entities;

public sealed class Milestone : AuditableEntity, IOrdered
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;
    public const string DefaultTitle = "Uncategorised";

    private Milestone() { }

    public long ProjectId { get; private set; }

    public Project? Project { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Upper-case title; unique among a project's live milestones.</summary>
    public string NormalizedTitle { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>Title and description as search sees them (<see cref="Common.SearchText"/>); kept in step by this class.</summary>
    public string SearchText { get; private set; } = "";

    public MilestoneStatus Status { get; private set; }

    public MilestoneType Type { get; private set; }

    public MilestoneColor Color { get; private set; }

    public int Position { get; private set; }

    public DateTime? DueDate { get; private set; }

    /// <summary>When the sweeper recorded that <see cref="DueDate"/> passed (one <c>deadline_missed</c> per due date).</summary>
    public DateTime? DeadlineMissedAt { get; private set; }

    public DateTime? ReachedAt { get; private set; }

    public decimal? GoalAmount { get; private set; }

    public decimal RaisedAmount { get; private set; }

    public int SupportersCount { get; private set; }

    public int TasksTotal { get; private set; }

    public int TasksCompleted { get; private set; }

    public long CreatedById { get; private set; }

    public DateTime? DeletedAt { get; private set; }

    public bool IsDefault => Type == MilestoneType.Uncategorised;

    public bool IsDeleted => DeletedAt is not null;

    public bool IsOpen => Status is MilestoneStatus.Pending or MilestoneStatus.InProgress;

    /// <summary>The uniqueness key of a title (SPEC 7): NFC-normalised and case-folded, so "Café" and "Cafe\u0301" collide.</summary>
    public static string NormalizeTitle(string title) => Text.Nfc(title.Trim()).ToUpperInvariant();

    /// <summary>Whether the deadline has passed while the milestone is still open (<see cref="Overdue"/>, run in memory).</summary>
    public bool IsOverdue(DateTime now) => OverdueInMemory(this, now);

    /// <summary>
    /// The one definition of overdue: a due date in the past while pending or in progress, not deleted.
    /// Lists, filters, the sweep and the DTO translate it to SQL (the clock a query parameter);
    /// <see cref="IsOverdue"/> runs it in memory.
    /// </summary>
    public static readonly Expression<Func<Milestone, DateTime, bool>> Overdue = (m, now) =>
        m.DueDate != null && m.DueDate < now && m.DeletedAt == null &&
        (m.Status == MilestoneStatus.Pending || m.Status == MilestoneStatus.InProgress);

    private static readonly Func<Milestone, DateTime, bool> OverdueInMemory = Overdue.Compile();

    internal static Milestone CreateDefault(Project project, long createdById)
    {
        var milestone = new Milestone
        {
            Project = project,
            Title = DefaultTitle,
            NormalizedTitle = NormalizeTitle(DefaultTitle),
            Type = MilestoneType.Uncategorised,
            Status = MilestoneStatus.Pending,
            Color = MilestoneColor.Default,
            Position = 0,
            CreatedById = createdById,
        };
        milestone.TextChanged();
        return milestone;
    }

    public static Milestone Create(long projectId, MilestoneDraft draft, Slot position, long createdById, DateTime now)
    {
        var title = string.IsNullOrWhiteSpace(draft.Title) ? throw new DomainException("A milestone needs a title.") : Text.Nfc(draft.Title);
        var (status, goalAmount) = (draft.Status ?? MilestoneStatus.Pending, draft.GoalAmount);
        if (goalAmount is <= 0)
        {
            throw new DomainException("A goal amount must be greater than zero.");
        }

        var milestone = new Milestone
        {
            ProjectId = projectId,
            Title = title,
            NormalizedTitle = NormalizeTitle(title),
            Description = Text.Nfc(draft.Description ?? ""),
            Status = status,
            Type = MilestoneType.Categorised,
            Color = draft.Color ?? MilestoneColor.Default,
            Position = position.Position,
            DueDate = draft.DueDate is { } d ? DueDates.Normalize(d) : null,
            ReachedAt = status == MilestoneStatus.Reached ? now : null,
            GoalAmount = goalAmount,
            CreatedById = createdById,
        };
        milestone.CreatedAtInstant(now); // reachedAt of a milestone created as reached equals its createdAt
        milestone.TextChanged();
        milestone.Raise(new MilestoneCreated(milestone, status, position.Displaces));
        return milestone;
    }

    /// <summary>
    /// Applies a partial update: only the fields present in <paramref name="patch"/> change.
    /// Raises <see cref="MilestoneUpdated"/> with the changed fields and, when the status changes,
    /// <see cref="MilestoneStatusChanged"/>. The default milestone can only be renamed and recoloured.
    /// </summary>
    public void Update(MilestoneChanges patch, DateTime now)
    {
        EnsureLive();
        if (IsDefault && patch.TouchesMoreThanTitleAndColor())
        {
            throw new DomainException("The default milestone can only be renamed and recoloured.");
        }

        var changes = new Dictionary<string, object?>();
        if (patch.Title?.Trim() is { } sent && Text.Nfc(sent) is var title && title != Title)
        {
            Title = title;
            NormalizedTitle = NormalizeTitle(title);
            changes["title"] = title;
        }

        if (patch.Description is { } sentDescription && Text.Nfc(sentDescription) is var description && description != Description)
        {
            changes["description"] = Description = description;
        }

        if (changes.ContainsKey("title") || changes.ContainsKey("description"))
        {
            TextChanged();
        }

        if (patch.Color is { } color && color != Color)
        {
            Color = color;
            changes["color"] = color;
        }

        if (patch.Position is { } position && position != Position)
        {
            var from = Position;
            changes["position"] = Position = position;
            Raise(new MilestoneRepositioned(this, from));
        }

        if (patch.DueDate.HasValue)
        {
            var due = patch.DueDate.Value is { } d ? DueDates.Normalize(d) : (DateTime?)null;
            if (due != DueDate)
            {
                changes["dueDate"] = DueDate = due;
                DeadlineMissedAt = null; // a new due date can be missed again
            }
        }

        if (patch.GoalAmount.HasValue && patch.GoalAmount.Value != GoalAmount)
        {
            if (patch.GoalAmount.Value is <= 0)
            {
                throw new DomainException("A goal amount must be greater than zero.");
            }

            changes["goalAmount"] = GoalAmount = patch.GoalAmount.Value;
        }

        var previous = Status;
        if (patch.Status is { } status && status != Status)
        {
            ApplyStatus(status, now);
            changes["status"] = status;
        }

        if (changes.Count > 0)
        {
            Raise(new MilestoneUpdated(this, changes));
        }

        if (previous != Status)
        {
            Raise(new MilestoneStatusChanged(this, previous, Status));
        }
    }

    /// <summary>
    /// The deadline passed while the milestone was open. The first time for this due date it records
    /// <c>milestone.deadline_missed</c>; under <see cref="DeadlinePolicy.Fail"/> it also fails, with the
    /// side effects of a manual failure. Under <see cref="DeadlinePolicy.Flag"/> it keeps its status and
    /// shows as overdue.
    /// </summary>
    public void MissDeadline(DateTime now, DeadlinePolicy policy)
    {
        if (!IsOverdue(now))
        {
            throw new DomainException("Only a live, open milestone whose due date has passed can miss its deadline.");
        }

        if (DeadlineMissedAt is not null && policy == DeadlinePolicy.Flag)
        {
            throw new DomainException("This milestone's deadline was already recorded as missed.");
        }

        var previous = Status;
        var firstMiss = DeadlineMissedAt is null;
        DeadlineMissedAt ??= now;
        if (policy == DeadlinePolicy.Fail)
        {
            ApplyStatus(MilestoneStatus.Failed, now);
            Raise(new MilestoneStatusChanged(this, previous, Status));
        }

        if (firstMiss)
        {
            Raise(new MilestoneDeadlineMissed(this, previous));
        }
    }

    /// <summary>Sets the position among the project's categorised milestones (1..N).</summary>
    public void Reposition(int position)
    {
        EnsureLive();
        if (IsDefault)
        {
            throw new DomainException("The default milestone always stays at position 0.");
        }

        Position = position;
    }

    /// <summary>
    /// Soft-deletes the milestone. Its <paramref name="tasks"/> (counted by the caller) go with
    /// <paramref name="disposal"/>: the handlers of <see cref="MilestoneDeleted"/> move or delete them
    /// and adjust the counters, in the same transaction.
    /// </summary>
    public void SoftDelete(DateTime now, TaskDisposal disposal, TaskTally tasks, long? reassignedTo)
    {
        EnsureLive();
        if (IsDefault)
        {
            throw new DomainException("The default milestone cannot be deleted.");
        }

        DeletedAt = now;
        Raise(new MilestoneDeleted(this, disposal, tasks, reassignedTo));
    }

    public void Restore()
    {
        if (DeletedAt is null)
        {
            throw new DomainException("The milestone is not deleted.");
        }

        DeletedAt = null;
        Raise(new MilestoneRestored(this));
    }

    public void EnsureAcceptsTasks()
    {
        EnsureLive();
    }

    /// <summary>
    /// Sets <see cref="SearchText"/> from the title and description and, once per save, raises
    /// <see cref="MilestoneTextChanged"/> (its handler keeps the search index; it reads the text then).
    /// </summary>
    private void TextChanged()
    {
        SearchText = Common.SearchText.ForMilestone(Title, Description);
        if (!DomainEvents.OfType<MilestoneTextChanged>().Any())
        {
            Raise(new MilestoneTextChanged(this));
        }
    }

    private void ApplyStatus(MilestoneStatus status, DateTime now)
    {
        if (status == MilestoneStatus.Reached)
        {
            ReachedAt ??= now;
        }
        else
        {
            ReachedAt = null;
        }

        Status = status;
    }

    private void EnsureLive()
    {
        if (IsDeleted)
        {
            throw new DomainException("The milestone is deleted; restore it first.");
        }
    }
}

/// <summary>
/// What a new milestone is made of (<see cref="Milestone.Create"/>): a left-out value takes its default
/// (pending, the default colour, no description, no due date, no goal).
/// </summary>
public sealed record MilestoneDraft
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public MilestoneStatus? Status { get; init; }

    public MilestoneColor? Color { get; init; }

    public DateTime? DueDate { get; init; }

    public decimal? GoalAmount { get; init; }
}

/// <summary>
/// A partial milestone update (<see cref="Milestone.Update"/>): a null field is left unchanged; an
/// <see cref="Optional{T}"/> one that is present but null is cleared.
/// </summary>
public sealed record MilestoneChanges
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public MilestoneStatus? Status { get; init; }

    public MilestoneColor? Color { get; init; }

    public int? Position { get; init; }

    public Optional<DateTime?> DueDate { get; init; }

    public Optional<decimal?> GoalAmount { get; init; }

    public bool TouchesMoreThanTitleAndColor() =>
        Description is not null || Position is not null || Status is not null || DueDate.HasValue || GoalAmount.HasValue;
}
