using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

public sealed class ConcurrencyAndRecountTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task Twenty_five_concurrent_task_completions_leave_exact_counters()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        var tasks = new List<long>();
        for (var i = 0; i < 25; i++)
        {
            tasks.Add((await Given.TaskAsync(Admin, milestone.Id())).Id());
        }

        var results = await Task.WhenAll(tasks.Select(id => Factory.Admin().Patch($"/api/v1/tasks/{id}", new { completed = true })));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var m = await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}");
        Assert.Equal((25, 25), (m.Int("tasksTotal"), m.Int("tasksCompleted")));
        Assert.Equal(100, m["progress"]!.Int("tasksPercent"));
        var p = await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}");
        Assert.Equal((25, 25), (p.Int("tasksTotal"), p.Int("tasksCompleted")));
        var recount = (await Admin.Post($"/api/v1/projects/{project.Id()}/recount")).Data();
        Assert.Empty(recount["fixed"]!.AsArray());
    }

    [Fact]
    public async Task Concurrent_creates_moves_and_deletes_leave_no_drift()
    {
        var project = await Given.ProjectAsync(Admin);
        var a = await Given.MilestoneAsync(Admin, project.Id());
        var b = await Given.MilestoneAsync(Admin, project.Id());
        var seeded = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            seeded.Add((await Given.TaskAsync(Admin, a.Id(), completed: i % 2 == 0)).Id());
        }

        var work = new List<Task>();
        work.AddRange(Enumerable.Range(0, 10).Select(i => Factory.Admin().Post($"/api/v1/milestones/{b.Id()}/tasks", new { title = $"new {i}", completed = i % 3 == 0 })));
        work.AddRange(seeded.Take(5).Select(id => Factory.Admin().Patch($"/api/v1/tasks/{id}", new { milestoneId = b.Id() })));
        work.AddRange(seeded.Skip(5).Take(3).Select(id => Factory.Admin().Delete($"/api/v1/tasks/{id}")));
        await Task.WhenAll(work);

        var recount = (await Admin.Post($"/api/v1/projects/{project.Id()}/recount")).Data();
        Assert.Equal(project.Id(), recount["projectId"]!.GetValue<long>());
        Assert.Empty(recount["fixed"]!.AsArray());
        var p = await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}");
        Assert.Equal(17, p.Int("tasksTotal"));
    }

    [Fact]
    public async Task Recount_on_an_exact_project_fixes_nothing()
    {
        var project = await Given.ProjectAsync(Admin);
        var m = await Given.MilestoneAsync(Admin, project.Id(), new { title = "r", status = "reached" });
        await Given.TaskAsync(Admin, m.Id(), completed: true);

        var recount = (await Admin.Post($"/api/v1/projects/{project.Id()}/recount")).Data();

        Assert.Empty(recount["fixed"]!.AsArray());
    }

    [Fact]
    public async Task Recount_repairs_drifted_counters_and_reports_each_fix()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        await Given.TaskAsync(Admin, milestone.Id(), completed: true);
        await Factory.Database.ExecuteAsync($"UPDATE \"Milestones\" SET \"TasksTotal\" = 9 WHERE \"Id\" = {milestone.Id()}; UPDATE \"Projects\" SET \"MilestonesTotal\" = 5 WHERE \"Id\" = {project.Id()};");

        var recount = (await Admin.Post($"/api/v1/projects/{project.Id()}/recount")).Data();

        var fixes = recount["fixed"]!.AsArray();
        var milestoneFix = fixes.Single(f => f!.Str("entity") == "milestone")!;
        Assert.Equal(("tasksTotal", 9, 1), (milestoneFix.Str("field"), milestoneFix.Int("was"), milestoneFix.Int("now")));
        var projectFix = fixes.Single(f => f!.Str("entity") == "project")!;
        Assert.Equal(("milestonesTotal", 5, 1), (projectFix.Str("field"), projectFix.Int("was"), projectFix.Int("now")));
        Assert.Equal(1, (await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}")).Int("tasksTotal"));
        Assert.Empty((await Admin.Post($"/api/v1/projects/{project.Id()}/recount")).Data()["fixed"]!.AsArray());
    }
}
