using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Projects.Commands.CreateProject;
using Milestones.Domain.Enums;

namespace Milestones.Application.Tests.Handlers;

public sealed class CreateProjectTests : HandlerTestBase
{
    [Fact]
    public async Task Creating_a_project_stores_the_default_milestone_membership_and_event_together()
    {
        var project = await SendAsync(new CreateProjectCommand("Apollo", null, Visibility.Public));

        Assert.Equal(Visibility.Public, project.Visibility);
        Assert.Equal(UserId, project.OwnerId);
        var milestones = await DbAsync(db => db.Milestones.Where(m => m.ProjectId == project.Id).ToListAsync());
        Assert.Equal(MilestoneType.Uncategorised, Assert.Single(milestones).Type);
        var role = await DbAsync(db => db.ProjectMembers.Where(m => m.ProjectId == project.Id && m.UserId == UserId).Select(m => m.Role).SingleAsync());
        Assert.Equal(ProjectRole.Admin, role);
        var ev = await DbAsync(db => db.Events.SingleAsync(e => e.ProjectId == project.Id));
        Assert.Equal(("project.created", UserId), (ev.Type, ev.ActorId));
    }

    [Fact]
    public async Task The_clock_stamps_created_and_updated_at()
    {
        Clock.Advance(TimeSpan.FromDays(3));

        var project = await SendAsync(new CreateProjectCommand("Timed", null, null));

        Assert.Equal(new DateTime(2026, 6, 4, 12, 0, 0, DateTimeKind.Utc), project.CreatedAt);
        Assert.Equal(project.CreatedAt, project.UpdatedAt);
    }

    [Fact]
    public async Task A_caller_without_write_scope_creates_nothing()
    {
        ActAs(UserId, Domain.Common.Scopes.Read);

        await Assert.ThrowsAsync<ForbiddenAccessException>(async () => await SendAsync(new CreateProjectCommand("Nope", null, null)));

        Assert.Equal(0, await DbAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthorized()
    {
        ActAs(null);

        await Assert.ThrowsAsync<UnauthorizedException>(async () => await SendAsync(new CreateProjectCommand("Nope", null, null)));
    }
}
