using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Api.Tests.Support;
using Milestones.Infrastructure.Deadlines;

namespace Milestones.Api.Tests;

/// <summary>SPEC 3.8: the project's deadlinePolicy; deadline_missed is written exactly once either way.</summary>
public sealed class DeadlinePolicyTests(ApiFactory factory) : ApiTestBase(factory)
{
    private Task<int> SweepAsync() =>
        ActivatorUtilities.CreateInstance<DeadlineSweeper>(Factory.Services).SweepOnceAsync(CancellationToken.None);

    private async Task<string[]> EventTypesAsync(long projectId, long milestoneId) =>
        (await Admin.Get($"/api/v1/projects/{projectId}/events?milestoneId={milestoneId}&limit=100")).Data().AsArray()
            .Select(e => e.Str("type")!).Where(t => t.StartsWith("milestone.deadline", StringComparison.Ordinal) || t == "milestone.status_changed").ToArray();

    [Fact]
    public async Task Projects_fail_missed_deadlines_by_default_and_say_so_once()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "late", dueDate = "2026-05-31" });

        await SweepAsync();
        await SweepAsync();

        Assert.Equal("fail", project.Str("deadlinePolicy"));
        Assert.Equal("failed", (await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}")).Str("status"));
        Assert.Equal(["milestone.deadline_missed", "milestone.status_changed"], await EventTypesAsync(project.Id(), milestone.Id()));
    }

    [Fact]
    public async Task Under_flag_a_missed_deadline_keeps_the_status_shows_overdue_and_is_recorded_once()
    {
        var project = (await Admin.Post("/api/v1/projects", new { name = Scenario.Unique("tracker"), deadlinePolicy = "flag" })).Data(HttpStatusCode.Created);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "late", dueDate = "2026-05-31", status = "in_progress" });

        Assert.Equal(1, await SweepAsync());
        Assert.Equal(0, await SweepAsync());

        var after = await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}");
        Assert.Equal(("in_progress", true), (after.Str("status"), after!["isOverdue"]!.GetValue<bool>()));
        Assert.Equal(["milestone.deadline_missed"], await EventTypesAsync(project.Id(), milestone.Id()));
        var overdue = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?overdue=true")).Data().AsArray();
        Assert.Equal([milestone.Id()], overdue.Select(m => m.Id()));
    }

    [Fact]
    public async Task Switching_from_flag_to_fail_fails_the_overdue_milestones_without_a_second_miss()
    {
        var project = (await Admin.Post("/api/v1/projects", new { name = Scenario.Unique("switch"), deadlinePolicy = "flag" })).Data(HttpStatusCode.Created);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "late", dueDate = "2026-05-31" });
        await SweepAsync();

        var patched = (await Admin.Patch($"/api/v1/projects/{project.Id()}", new { deadlinePolicy = "fail" })).Data();
        await SweepAsync();

        Assert.Equal("fail", patched.Str("deadlinePolicy"));
        Assert.Equal("failed", (await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}")).Str("status"));
        var types = await EventTypesAsync(project.Id(), milestone.Id());
        Assert.Single(types, t => t == "milestone.deadline_missed");
        Assert.Single(types, t => t == "milestone.status_changed");
    }

    [Fact]
    public async Task A_new_due_date_can_be_missed_again_under_flag()
    {
        var project = (await Admin.Post("/api/v1/projects", new { name = Scenario.Unique("again"), deadlinePolicy = "flag" })).Data(HttpStatusCode.Created);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "late", dueDate = "2026-05-31" });
        await SweepAsync();

        (await Admin.Patch($"/api/v1/milestones/{milestone.Id()}", new { dueDate = "2026-06-01T12:30:00Z" })).Data();
        Factory.Clock.Advance(TimeSpan.FromHours(1));
        await SweepAsync();

        Assert.Equal(["milestone.deadline_missed", "milestone.deadline_missed"], await EventTypesAsync(project.Id(), milestone.Id()));
    }

    [Fact]
    public async Task An_unknown_policy_is_422_listing_the_allowed_values()
    {
        var result = await Admin.Post("/api/v1/projects", new { name = "p", deadlinePolicy = "ignore" });

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, "fail, flag");
    }
}
