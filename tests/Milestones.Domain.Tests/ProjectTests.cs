using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;
using Milestones.Domain.Events;

namespace Milestones.Domain.Tests;

public sealed class ProjectTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Creating_a_project_makes_the_creator_admin_and_creates_the_default_milestone()
    {
        var project = Project.Create("Apollo", null, Visibility.Public, 7, Now, out var defaultMilestone);

        Assert.Equal(ProjectRole.Admin, project.RoleOf(7));
        Assert.Equal(Milestone.DefaultTitle, defaultMilestone.Title);
        Assert.Equal(MilestoneType.Uncategorised, defaultMilestone.Type);
        Assert.Equal(0, defaultMilestone.Position);
        Assert.Same(project, defaultMilestone.Project);
        Assert.IsType<ProjectCreated>(Assert.Single(project.DomainEvents));
    }

    [Fact]
    public void A_personal_project_is_public_named_after_its_owner_and_stops_being_personal_when_deleted()
    {
        var project = Project.CreatePersonal(7, "redwire", Now, out _);

        Assert.Equal(("redwire", Visibility.Public, 7L, (long?)7), (project.Name, project.Visibility, project.OwnerId, project.PersonalOwnerId));
        project.SoftDelete(Now);
        Assert.Null(project.PersonalOwnerId);
    }

    [Fact]
    public void The_last_admin_cannot_be_demoted_or_removed()
    {
        var project = Project.Create("p", null, Visibility.Private, 7, Now, out _);

        Assert.Throws<DomainException>(() => project.SetMemberRole(7, ProjectRole.Achiever, Now));
        Assert.Throws<DomainException>(() => project.RemoveMember(7));
        Assert.Equal(ProjectRole.Admin, project.RoleOf(7));
    }

    [Fact]
    public void With_a_second_admin_the_first_can_step_down()
    {
        var project = Project.Create("p", null, Visibility.Private, 7, Now, out _);
        project.SetMemberRole(8, ProjectRole.Admin, Now);

        project.SetMemberRole(7, ProjectRole.Supporter, Now);

        Assert.Equal(ProjectRole.Supporter, project.RoleOf(7));
        Assert.Contains(project.DomainEvents, e => e is MemberRoleChanged { UserId: 7, To: ProjectRole.Supporter });
    }

    [Fact]
    public void Setting_the_same_role_again_changes_nothing()
    {
        var project = Project.Create("p", null, Visibility.Private, 7, Now, out _);
        project.SetMemberRole(8, ProjectRole.Achiever, Now);
        project.ClearDomainEvents();

        project.SetMemberRole(8, ProjectRole.Achiever, Now);

        Assert.Empty(project.DomainEvents);
    }

    [Fact]
    public void Update_records_only_changed_fields()
    {
        var project = Project.Create("p", "d", Visibility.Private, 7, Now, out _);
        project.ClearDomainEvents();

        project.Update(new ProjectChanges { Name = "p", Description = "new" });

        var updated = Assert.IsType<ProjectUpdated>(Assert.Single(project.DomainEvents));
        Assert.Equal(["description"], updated.Changes.Keys);
    }

    [Fact]
    public void Reordering_gives_positions_one_to_n()
    {
        var project = Project.Create("p", null, Visibility.Private, 7, Now, out _);
        var a = Milestone.Create(project.Id, new MilestoneDraft { Title = "a" }, 5, 7, Now);
        var b = Milestone.Create(project.Id, new MilestoneDraft { Title = "b" }, 9, 7, Now);

        project.ReorderMilestones([b, a]);

        Assert.Equal((1, 2), (b.Position, a.Position));
        Assert.Single(project.DomainEvents.OfType<MilestonesReordered>());
    }

    [Fact]
    public void Reordering_refuses_the_default_milestone()
    {
        var project = Project.Create("p", null, Visibility.Private, 7, Now, out var defaultMilestone);

        Assert.Throws<DomainException>(() => project.ReorderMilestones([defaultMilestone]));
    }
}
