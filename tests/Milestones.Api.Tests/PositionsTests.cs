using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 3.2: live categorised milestones hold positions 1..N, and a milestone's tasks likewise, whatever happens.</summary>
public sealed class PositionsTests(ApiFactory factory) : ApiTestBase(factory)
{
    private async Task<string[]> MilestoneOrderAsync(long projectId)
    {
        var list = (await Admin.Get($"/api/v1/projects/{projectId}/milestones?type=categorised")).Data().AsArray();
        Assert.Equal(Enumerable.Range(1, list.Count), list.Select(m => m.Int("position")));
        return list.Select(m => m.Str("title")!).ToArray();
    }

    private async Task<string[]> TaskOrderAsync(long milestoneId)
    {
        var list = (await Admin.Get($"/api/v1/milestones/{milestoneId}/tasks")).Data().AsArray();
        Assert.Equal(Enumerable.Range(1, list.Count), list.Select(t => t.Int("position")));
        return list.Select(t => t.Str("title")!).ToArray();
    }

    [Fact]
    public async Task Creating_at_an_explicit_position_inserts_there_and_moves_the_rest_down()
    {
        var project = await Given.ProjectAsync(Admin);
        foreach (var title in new[] { "a", "b", "c" })
        {
            await Given.MilestoneAsync(Admin, project.Id(), new { title });
        }

        var inserted = await Given.MilestoneAsync(Admin, project.Id(), new { title = "new", position = 2 });
        var appended = await Given.MilestoneAsync(Admin, project.Id(), new { title = "end", position = 5 });

        Assert.Equal((2, 5), (inserted.Int("position"), appended.Int("position")));
        Assert.Equal(["a", "new", "b", "c", "end"], await MilestoneOrderAsync(project.Id()));
    }

    [Fact]
    public async Task Moving_deleting_and_restoring_keep_positions_one_to_n()
    {
        var project = await Given.ProjectAsync(Admin);
        var ids = new Dictionary<string, long>();
        foreach (var title in new[] { "a", "b", "c", "d" })
        {
            ids[title] = (await Given.MilestoneAsync(Admin, project.Id(), new { title })).Id();
        }

        (await Admin.Patch($"/api/v1/milestones/{ids["d"]}", new { position = 1 })).Data();
        Assert.Equal(["d", "a", "b", "c"], await MilestoneOrderAsync(project.Id()));
        (await Admin.Patch($"/api/v1/milestones/{ids["d"]}", new { position = 3 })).Data();
        Assert.Equal(["a", "b", "d", "c"], await MilestoneOrderAsync(project.Id()));
        (await Admin.Delete($"/api/v1/milestones/{ids["b"]}")).Data();
        Assert.Equal(["a", "d", "c"], await MilestoneOrderAsync(project.Id()));
        (await Admin.Post($"/api/v1/milestones/{ids["b"]}/restore")).Data();
        Assert.Equal(["a", "d", "c", "b"], await MilestoneOrderAsync(project.Id()));
        (await Admin.Patch($"/api/v1/milestones/{ids["a"]}", new { position = 5 })).AssertProblem(HttpStatusCode.UnprocessableEntity, "between 1 and 4");
    }

    [Fact]
    public async Task Tasks_insert_move_between_milestones_and_leave_without_gaps()
    {
        var project = await Given.ProjectAsync(Admin);
        var left = await Given.MilestoneAsync(Admin, project.Id());
        var right = await Given.MilestoneAsync(Admin, project.Id());
        var ids = new Dictionary<string, long>();
        foreach (var title in new[] { "t1", "t2", "t3" })
        {
            ids[title] = (await Given.TaskAsync(Admin, left.Id(), title)).Id();
        }

        await Given.TaskAsync(Admin, right.Id(), "r1");

        ids["t0"] = (await Admin.Post($"/api/v1/milestones/{left.Id()}/tasks", new { title = "t0", position = 1 })).Data(HttpStatusCode.Created).Id();
        Assert.Equal(["t0", "t1", "t2", "t3"], await TaskOrderAsync(left.Id()));
        (await Admin.Patch($"/api/v1/tasks/{ids["t2"]}", new { milestoneId = right.Id(), position = 1 })).Data();
        Assert.Equal(["t0", "t1", "t3"], await TaskOrderAsync(left.Id()));
        Assert.Equal(["t2", "r1"], await TaskOrderAsync(right.Id()));
        (await Admin.Patch($"/api/v1/tasks/{ids["t3"]}", new { position = 1 })).Data();
        Assert.Equal(["t3", "t0", "t1"], await TaskOrderAsync(left.Id()));
        (await Admin.Delete($"/api/v1/tasks/{ids["t0"]}")).Data();
        Assert.Equal(["t3", "t1"], await TaskOrderAsync(left.Id()));
        (await Admin.Delete($"/api/v1/milestones/{left.Id()}?reassignTo={right.Id()}")).Data();
        Assert.Equal(["t2", "r1", "t3", "t1"], await TaskOrderAsync(right.Id()));
        Assert.Empty((await Admin.Post($"/api/v1/projects/{project.Id()}/recount")).Data()["fixed"]!.AsArray());
    }
}
