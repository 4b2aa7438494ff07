using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;
using Milestones.Domain.Events;

namespace Milestones.Domain.Tests;

public sealed class MilestoneTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static Milestone NewMilestone(MilestoneStatus status = MilestoneStatus.Pending, DateTime? due = null, decimal? goal = null) =>
        Milestone.Create(1, new MilestoneDraft { Title = "Beta", Status = status, DueDate = due, GoalAmount = goal }, 1, 7, Now);

    private static Milestone DefaultMilestone()
    {
        Project.Create("p", null, Visibility.Private, 7, Now, out var milestone);
        return milestone;
    }

    [Fact]
    public void Creating_raises_milestone_created_and_normalises_the_title()
    {
        var milestone = Milestone.Create(1, new MilestoneDraft { Title = "Beta Launch", Color = MilestoneColor.Info }, 3, 7, Now);

        var created = Assert.Single(milestone.DomainEvents.OfType<MilestoneCreated>());
        Assert.Equal("beta launch\n", Assert.Single(milestone.DomainEvents.OfType<MilestoneTextChanged>()).Milestone.SearchText);
        Assert.Equal(MilestoneStatus.Pending, created.Status);
        Assert.Equal("BETA LAUNCH", milestone.NormalizedTitle);
        Assert.Equal("", milestone.Description);
        Assert.Equal(MilestoneType.Categorised, milestone.Type);
    }

    [Fact]
    public void Changing_the_text_raises_one_text_change_per_save_and_other_changes_raise_none()
    {
        var milestone = Milestone.Create(1, new MilestoneDraft { Title = "Beta", Color = MilestoneColor.Info }, 3, 7, Now);
        milestone.ClearDomainEvents();

        milestone.Update(new MilestoneChanges { Color = MilestoneColor.Danger, Position = 4 }, Now);
        var afterOtherChanges = milestone.DomainEvents.OfType<MilestoneTextChanged>().Count();
        milestone.Update(new MilestoneChanges { Title = "Gamma" }, Now);
        milestone.Update(new MilestoneChanges { Description = "Über" }, Now);

        Assert.Equal(0, afterOtherChanges);
        Assert.Single(milestone.DomainEvents.OfType<MilestoneTextChanged>());
        Assert.Equal("gamma\nuber", milestone.SearchText);
    }

    [Fact]
    public void Creating_a_reached_milestone_sets_reached_at()
    {
        Assert.Equal(Now, NewMilestone(MilestoneStatus.Reached).ReachedAt);
    }

    [Fact]
    public void A_goal_of_zero_is_refused()
    {
        Assert.Throws<DomainException>(() => NewMilestone(goal: 0));
    }

    [Fact]
    public void Reaching_sets_reached_at_and_raises_updated_and_status_changed()
    {
        var milestone = NewMilestone();
        milestone.ClearDomainEvents();

        milestone.Update(new MilestoneChanges { Status = MilestoneStatus.Reached }, Now);

        Assert.Equal(MilestoneStatus.Reached, milestone.Status);
        Assert.Equal(Now, milestone.ReachedAt);
        var changed = Assert.Single(milestone.DomainEvents.OfType<MilestoneStatusChanged>());
        Assert.Equal((MilestoneStatus.Pending, MilestoneStatus.Reached), (changed.From, changed.To));
        Assert.Single(milestone.DomainEvents.OfType<MilestoneUpdated>());
    }

    [Fact]
    public void Leaving_reached_clears_reached_at()
    {
        var milestone = NewMilestone(MilestoneStatus.Reached);

        milestone.Update(new MilestoneChanges { Status = MilestoneStatus.Pending }, Now);

        Assert.Null(milestone.ReachedAt);
        Assert.Equal(MilestoneStatus.Pending, milestone.Status);
    }

    [Fact]
    public void Setting_the_same_status_raises_nothing()
    {
        var milestone = NewMilestone();
        milestone.ClearDomainEvents();

        milestone.Update(new MilestoneChanges { Status = MilestoneStatus.Pending }, Now);

        Assert.Empty(milestone.DomainEvents);
    }

    [Fact]
    public void A_partial_update_changes_only_what_is_given_and_lists_the_changes()
    {
        var milestone = NewMilestone(due: new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc));
        milestone.ClearDomainEvents();

        milestone.Update(new MilestoneChanges { Color = MilestoneColor.Danger, Title = "Beta" }, Now);

        Assert.Equal(MilestoneColor.Danger, milestone.Color);
        Assert.NotNull(milestone.DueDate);
        var updated = Assert.IsType<MilestoneUpdated>(Assert.Single(milestone.DomainEvents));
        Assert.Equal(["color"], updated.Changes.Keys);
    }

    [Fact]
    public void A_due_date_sent_as_null_clears_it()
    {
        var milestone = NewMilestone(due: new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc));

        milestone.Update(new MilestoneChanges { DueDate = new Optional<DateTime?>(null) }, Now);

        Assert.Null(milestone.DueDate);
    }

    [Fact]
    public void An_absent_due_date_leaves_it_alone()
    {
        var milestone = NewMilestone(due: new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc));

        milestone.Update(new MilestoneChanges { Description = "more" }, Now);

        Assert.NotNull(milestone.DueDate);
    }

    [Fact]
    public void The_default_milestone_can_be_renamed_and_recoloured()
    {
        var milestone = DefaultMilestone();

        milestone.Update(new MilestoneChanges { Title = "Inbox", Color = MilestoneColor.Info }, Now);

        Assert.Equal("Inbox", milestone.Title);
        Assert.Equal(MilestoneType.Uncategorised, milestone.Type);
    }

    [Fact]
    public void The_default_milestone_refuses_other_changes()
    {
        var milestone = DefaultMilestone();

        Assert.Throws<DomainException>(() => milestone.Update(new MilestoneChanges { Status = MilestoneStatus.Reached }, Now));
        Assert.Throws<DomainException>(() => milestone.Reposition(4));
    }

    [Fact]
    public void The_default_milestone_cannot_be_deleted()
    {
        var milestone = DefaultMilestone();

        Assert.Throws<DomainException>(() => milestone.SoftDelete(Now, TaskDisposal.Reassign, default, null));
        Assert.Null(milestone.DeletedAt);
    }

    [Fact]
    public void Soft_delete_marks_deleted_at_and_raises_deleted_with_the_task_disposal()
    {
        var milestone = NewMilestone();

        milestone.SoftDelete(Now, TaskDisposal.Reassign, new TaskTally(3, 1), 99);

        Assert.Equal(Now, milestone.DeletedAt);
        var deleted = Assert.Single(milestone.DomainEvents.OfType<MilestoneDeleted>());
        var activity = deleted.ToActivity(new Dictionary<string, object?> { ["released"] = 0 });
        Assert.Equal("milestone.deleted", activity.Type);
        Assert.Equal("reassigned", activity.Data["tasks"]);
        Assert.Equal(3, activity.Data["count"]);
        Assert.Equal(99L, activity.Data["reassignTo"]);
    }

    [Fact]
    public void A_deleted_milestone_refuses_changes_until_restored()
    {
        var milestone = NewMilestone();
        milestone.SoftDelete(Now, TaskDisposal.Delete, default, null);

        Assert.Throws<DomainException>(() => milestone.Update(new MilestoneChanges { Title = "x" }, Now));
        milestone.Restore();
        milestone.Update(new MilestoneChanges { Title = "x" }, Now);

        Assert.Equal("x", milestone.Title);
        Assert.Single(milestone.DomainEvents.OfType<MilestoneRestored>());
    }

    [Fact]
    public void Restoring_a_live_milestone_is_refused()
    {
        Assert.Throws<DomainException>(() => NewMilestone().Restore());
    }

    [Theory]
    [InlineData(MilestoneStatus.Pending, true)]
    [InlineData(MilestoneStatus.InProgress, true)]
    [InlineData(MilestoneStatus.Reached, false)]
    [InlineData(MilestoneStatus.Failed, false)]
    public void Overdue_means_open_with_a_past_due_date(MilestoneStatus status, bool overdue)
    {
        var milestone = NewMilestone(status, due: new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(overdue, milestone.IsOverdue(Now));
    }

    [Fact]
    public void Missing_the_deadline_fails_the_milestone_and_says_the_system_did_it()
    {
        var milestone = NewMilestone(MilestoneStatus.InProgress, due: new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        milestone.ClearDomainEvents();

        milestone.MissDeadline(Now, DeadlinePolicy.Fail);

        Assert.Equal(MilestoneStatus.Failed, milestone.Status);
        Assert.Single(milestone.DomainEvents.OfType<MilestoneDeadlineMissed>());
        Assert.Equal(MilestoneStatus.InProgress, Assert.Single(milestone.DomainEvents.OfType<MilestoneStatusChanged>()).From);
    }

    [Fact]
    public void A_milestone_that_is_not_overdue_cannot_miss_its_deadline()
    {
        Assert.Throws<DomainException>(() => NewMilestone(due: new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)).MissDeadline(Now, DeadlinePolicy.Fail));
    }

    [Fact]
    public void Under_flag_a_missed_deadline_is_recorded_once_and_the_status_stays()
    {
        var milestone = NewMilestone(MilestoneStatus.InProgress, due: new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        milestone.ClearDomainEvents();

        milestone.MissDeadline(Now, DeadlinePolicy.Flag);

        Assert.Equal(MilestoneStatus.InProgress, milestone.Status);
        Assert.Equal(Now, milestone.DeadlineMissedAt);
        Assert.Single(milestone.DomainEvents.OfType<MilestoneDeadlineMissed>());
        Assert.Empty(milestone.DomainEvents.OfType<MilestoneStatusChanged>());
        Assert.Throws<DomainException>(() => milestone.MissDeadline(Now, DeadlinePolicy.Flag));
    }

    [Fact]
    public void Failing_a_milestone_whose_miss_was_flagged_changes_its_status_without_a_second_miss()
    {
        var milestone = NewMilestone(MilestoneStatus.Pending, due: new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        milestone.MissDeadline(Now, DeadlinePolicy.Flag);
        milestone.ClearDomainEvents();

        milestone.MissDeadline(Now.AddMinutes(1), DeadlinePolicy.Fail);

        Assert.Equal(MilestoneStatus.Failed, milestone.Status);
        Assert.Empty(milestone.DomainEvents.OfType<MilestoneDeadlineMissed>());
        Assert.Single(milestone.DomainEvents.OfType<MilestoneStatusChanged>());
    }
}
