using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Milestones.Commands.CreateMilestone;
using Milestones.Application.Milestones.Commands.DeleteMilestone;
using Milestones.Application.Milestones.Commands.MissDeadline;
using Milestones.Application.Milestones.Commands.UpdateMilestone;
using Milestones.Application.Milestones.Queries.ListDueMilestones;
using Milestones.Application.Projects.Commands.CreateProject;
using Milestones.Application.Supports.Commands.PledgeSupport;
using Milestones.Application.Supports.Commands.WithdrawSupport;
using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Application.Tests.Handlers;

public sealed class SupportAndDeadlineHandlersTests : HandlerTestBase
{
    private static readonly DateTime PastDue = new(2026, 5, 31, 0, 0, 0, DateTimeKind.Utc);

    private async Task<long> MilestoneAsync(DateTime? due = null)
    {
        var project = await SendAsync(new CreateProjectCommand("P", null, Visibility.Public));
        return (await SendAsync(new CreateMilestoneCommand(project.Id, new MilestoneDraft { Title = "M", DueDate = due, GoalAmount = 100m }))).Id;
    }

    private Task<(decimal Raised, int Supporters)> FundingAsync(long milestoneId) =>
        DbAsync(db => db.Milestones.IgnoreQueryFilters().Where(m => m.Id == milestoneId).Select(m => new ValueTuple<decimal, int>(m.RaisedAmount, m.SupportersCount)).SingleAsync());

    [Fact]
    public async Task A_pledge_moves_raised_amount_and_supporters()
    {
        var milestoneId = await MilestoneAsync();

        await SendAsync(new PledgeSupportCommand(milestoneId, 12.34m, "hi"));
        await SendAsync(new PledgeSupportCommand(milestoneId, 0.66m, null));

        Assert.Equal((13m, 1), await FundingAsync(milestoneId));
    }

    [Fact]
    public async Task A_pledge_on_a_reached_milestone_is_refused_by_the_domain()
    {
        var milestoneId = await MilestoneAsync();
        await SendAsync(new UpdateMilestoneCommand(milestoneId, new MilestoneChanges { Status = MilestoneStatus.Reached }));

        await Assert.ThrowsAsync<DomainException>(async () => await SendAsync(new PledgeSupportCommand(milestoneId, 1m, null)));
        Assert.Equal((0m, 0), await FundingAsync(milestoneId));
    }

    [Fact]
    public async Task Someone_else_cannot_withdraw_a_pledge()
    {
        var milestoneId = await MilestoneAsync();
        var support = await SendAsync(new PledgeSupportCommand(milestoneId, 5m, null));
        ActAs(await NewUserAsync("someone"), Scopes.Read, Scopes.Write);

        await Assert.ThrowsAsync<ForbiddenAccessException>(async () => await SendAsync(new WithdrawSupportCommand(support.Id)));
        Assert.Equal((5m, 1), await FundingAsync(milestoneId));
    }

    [Fact]
    public async Task Reaching_fulfils_pledges_and_keeps_the_raised_amount()
    {
        var milestoneId = await MilestoneAsync();
        await SendAsync(new PledgeSupportCommand(milestoneId, 5m, null));

        await SendAsync(new UpdateMilestoneCommand(milestoneId, new MilestoneChanges { Status = MilestoneStatus.Reached }));

        Assert.Equal(SupportStatus.Fulfilled, await DbAsync(db => db.Supports.Select(s => s.Status).SingleAsync()));
        Assert.Equal((5m, 1), await FundingAsync(milestoneId));
    }

    [Fact]
    public async Task Failing_releases_pledges_and_the_raised_amount()
    {
        var milestoneId = await MilestoneAsync();
        await SendAsync(new PledgeSupportCommand(milestoneId, 5m, null));

        await SendAsync(new UpdateMilestoneCommand(milestoneId, new MilestoneChanges { Status = MilestoneStatus.Failed }));

        Assert.Equal(SupportStatus.Released, await DbAsync(db => db.Supports.Select(s => s.Status).SingleAsync()));
        Assert.Equal((0m, 0), await FundingAsync(milestoneId));
    }

    [Fact]
    public async Task Deleting_releases_pledges()
    {
        var milestoneId = await MilestoneAsync();
        await SendAsync(new PledgeSupportCommand(milestoneId, 5m, null));

        await SendAsync(new DeleteMilestoneCommand(milestoneId));

        Assert.Equal(SupportStatus.Released, await DbAsync(db => db.Supports.Select(s => s.Status).SingleAsync()));
        Assert.Equal((0m, 0), await FundingAsync(milestoneId));
    }

    [Fact]
    public async Task The_system_fails_an_overdue_milestone_once_and_records_no_actor()
    {
        var milestoneId = await MilestoneAsync(PastDue);
        ActAsSystem();

        var first = await SendAsync(new MissDeadlineCommand(milestoneId));
        var second = await SendAsync(new MissDeadlineCommand(milestoneId));

        Assert.Equal((DeadlineOutcome.Failed, DeadlineOutcome.NotDue), (first, second));
        var missed = await DbAsync(db => db.Events.Where(e => e.Type == "milestone.deadline_missed").ToListAsync());
        Assert.Null(Assert.Single(missed).ActorId);
    }

    [Fact]
    public async Task A_milestone_becomes_due_only_when_the_clock_passes_its_end_of_day()
    {
        var milestoneId = await MilestoneAsync(new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        ActAsSystem();

        Assert.Empty(await SendAsync(new ListDueMilestonesQuery(0, 10)));
        Clock.Advance(TimeSpan.FromHours(12));

        Assert.Equal([milestoneId], await SendAsync(new ListDueMilestonesQuery(0, 10)));
    }

    [Fact]
    public async Task Milestones_of_a_deleted_project_are_never_listed_as_due()
    {
        var milestoneId = await MilestoneAsync(PastDue);
        var projectId = await DbAsync(db => db.Milestones.Where(m => m.Id == milestoneId).Select(m => m.ProjectId).SingleAsync());
        await SendAsync(new Projects.Commands.DeleteProject.DeleteProjectCommand(projectId));
        ActAsSystem();

        Assert.Empty(await SendAsync(new ListDueMilestonesQuery(0, 10)));
    }

    [Fact]
    public async Task No_caller_but_the_system_may_sweep_deadlines()
    {
        var milestoneId = await MilestoneAsync(PastDue);

        await Assert.ThrowsAsync<ForbiddenAccessException>(async () => await SendAsync(new MissDeadlineCommand(milestoneId)));
        ActAs(null);
        await Assert.ThrowsAsync<ForbiddenAccessException>(async () => await SendAsync(new ListDueMilestonesQuery(0, 10)));
    }
}
