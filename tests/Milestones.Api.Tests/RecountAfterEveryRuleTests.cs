using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>
/// Counters change in one place for every cause (decision record 11). Recount is the repair tool:
/// after each rule of SPEC 3 that moves a counter, it finds nothing to fix.
/// </summary>
public sealed class RecountAfterEveryRuleTests(ApiFactory factory) : ApiTestBase(factory)
{
    public static TheoryData<string> Rules() =>
    [
        "create milestone with tasks", "create task", "complete task", "reopen task", "move task", "delete task",
        "reach milestone", "fail milestone", "reopen milestone", "delete milestone reassigning tasks",
        "delete milestone reassigning to another", "delete milestone with its tasks", "restore milestone",
        "pledge", "withdraw pledge", "reach funded milestone", "delete funded milestone",
    ];

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Recount_fixes_nothing_after(string rule)
    {
        var project = (await Given.ProjectAsync(Admin)).Id();
        var milestone = (await Given.MilestoneAsync(Admin, project, new { title = "A", goalAmount = 100 })).Id();
        var other = (await Given.MilestoneAsync(Admin, project, new { title = "B" })).Id();
        var open = (await Given.TaskAsync(Admin, milestone)).Id();
        await Given.TaskAsync(Admin, milestone, completed: true);

        var status = await ApplyAsync(rule, project, milestone, other, open);

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{rule}: {status}");
        var recount = (await Admin.Post($"/api/v1/projects/{project}/recount")).Data();
        Assert.Empty(recount["fixed"]!.AsArray());
    }

    private async Task<HttpStatusCode> ApplyAsync(string rule, long project, long milestone, long other, long task)
    {
        switch (rule)
        {
            case "create milestone with tasks":
                return (await Admin.Post($"/api/v1/projects/{project}/milestones", new { title = "C", status = "reached", tasks = new object[] { new { title = "x", completed = true }, new { title = "y" } } })).Status;
            case "create task":
                return (await Admin.Post($"/api/v1/milestones/{milestone}/tasks", new { title = "t", completed = true })).Status;
            case "complete task":
                return (await Admin.Patch($"/api/v1/tasks/{task}", new { completed = true })).Status;
            case "reopen task":
                await Admin.Patch($"/api/v1/tasks/{task}", new { completed = true });
                return (await Admin.Patch($"/api/v1/tasks/{task}", new { completed = false })).Status;
            case "move task":
                return (await Admin.Patch($"/api/v1/tasks/{task}", new { milestoneId = other })).Status;
            case "delete task":
                return (await Admin.Delete($"/api/v1/tasks/{task}")).Status;
            case "reach milestone":
                return (await Admin.Patch($"/api/v1/milestones/{milestone}", new { status = "reached" })).Status;
            case "fail milestone":
                return (await Admin.Patch($"/api/v1/milestones/{milestone}", new { status = "failed" })).Status;
            case "reopen milestone":
                await Admin.Patch($"/api/v1/milestones/{milestone}", new { status = "reached" });
                return (await Admin.Patch($"/api/v1/milestones/{milestone}", new { status = "pending" })).Status;
            case "delete milestone reassigning tasks":
                return (await Admin.Delete($"/api/v1/milestones/{milestone}")).Status;
            case "delete milestone reassigning to another":
                return (await Admin.Delete($"/api/v1/milestones/{milestone}?reassignTo={other}")).Status;
            case "delete milestone with its tasks":
                return (await Admin.Delete($"/api/v1/milestones/{milestone}?tasks=delete")).Status;
            case "restore milestone":
                await Admin.Delete($"/api/v1/milestones/{milestone}?tasks=delete");
                return (await Admin.Post($"/api/v1/milestones/{milestone}/restore")).Status;
            case "pledge":
                return (await Admin.Post($"/api/v1/milestones/{milestone}/supports", new { amount = 25 })).Status;
            case "withdraw pledge":
                var pledge = (await Admin.Post($"/api/v1/milestones/{milestone}/supports", new { amount = 25 })).Data(HttpStatusCode.Created).Id();
                return (await Admin.Delete($"/api/v1/supports/{pledge}")).Status;
            case "reach funded milestone":
                await Admin.Post($"/api/v1/milestones/{milestone}/supports", new { amount = 25 });
                return (await Admin.Patch($"/api/v1/milestones/{milestone}", new { status = "reached" })).Status;
            case "delete funded milestone":
                await Admin.Post($"/api/v1/milestones/{milestone}/supports", new { amount = 25 });
                return (await Admin.Delete($"/api/v1/milestones/{milestone}")).Status;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, "no such rule");
        }
    }
}
