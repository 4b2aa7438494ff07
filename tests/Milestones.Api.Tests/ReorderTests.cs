using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

public sealed class ReorderTests(ApiFactory factory) : ApiTestBase(factory)
{
    private async Task<(long ProjectId, long A, long B, long C)> ThreeAsync()
    {
        var project = await Given.ProjectAsync(Admin);
        var a = await Given.MilestoneAsync(Admin, project.Id(), new { title = "A" });
        var b = await Given.MilestoneAsync(Admin, project.Id(), new { title = "B" });
        var c = await Given.MilestoneAsync(Admin, project.Id(), new { title = "C" });
        return (project.Id(), a.Id(), b.Id(), c.Id());
    }

    [Fact]
    public async Task Reordering_gives_positions_one_to_n_in_the_order_sent_and_keeps_the_default_at_zero()
    {
        var (projectId, a, b, c) = await ThreeAsync();

        var result = (await Admin.Put($"/api/v1/projects/{projectId}/milestones/positions", new { milestoneIds = new[] { c, a, b } })).Data().AsArray();

        Assert.Equal(["Uncategorised", "C", "A", "B"], result.Select(m => m!.Str("title")));
        Assert.Equal([0, 1, 2, 3], result.Select(m => m!.Int("position")));
        var ev = Assert.Single((await Admin.Get($"/api/v1/projects/{projectId}/events?type=milestones.reordered")).Data().AsArray())!;
        Assert.Equal([c, a, b], ev["data"]!["milestoneIds"]!.AsArray().Select(i => i!.GetValue<long>()));
    }

    [Fact]
    public async Task A_missing_milestone_is_422_naming_it()
    {
        var (projectId, a, b, c) = await ThreeAsync();

        var result = await Admin.Put($"/api/v1/projects/{projectId}/milestones/positions", new { milestoneIds = new[] { a, b } });

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, c.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_duplicate_id_is_422_naming_it()
    {
        var (projectId, a, b, c) = await ThreeAsync();

        var result = await Admin.Put($"/api/v1/projects/{projectId}/milestones/positions", new { milestoneIds = new[] { a, b, c, a } });

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, $"{a} more than once");
    }

    [Fact]
    public async Task A_foreign_or_deleted_or_default_id_is_422_naming_it()
    {
        var (projectId, a, b, c) = await ThreeAsync();
        var foreign = await Given.MilestoneAsync(Admin, (await Given.ProjectAsync(Admin)).Id());
        var defaultId = await Given.DefaultMilestoneIdAsync(Admin, projectId);

        (await Admin.Put($"/api/v1/projects/{projectId}/milestones/positions", new { milestoneIds = new[] { a, b, c, foreign.Id() } }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, foreign.Id().ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await Admin.Put($"/api/v1/projects/{projectId}/milestones/positions", new { milestoneIds = new[] { a, b, c, defaultId } }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, defaultId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Admin.Delete($"/api/v1/milestones/{c}");
        (await Admin.Put($"/api/v1/projects/{projectId}/milestones/positions", new { milestoneIds = new[] { a, b, c } }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, c.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_body_without_milestone_ids_is_422()
    {
        var (projectId, _, _, _) = await ThreeAsync();

        (await Admin.Put($"/api/v1/projects/{projectId}/milestones/positions", new { })).AssertProblem(HttpStatusCode.UnprocessableEntity, "milestoneIds");
    }

    [Fact]
    public async Task Supporters_cannot_reorder()
    {
        var (projectId, a, b, c) = await ThreeAsync();
        var (_, name, supporter) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, projectId, name, "supporter");

        (await supporter.Put($"/api/v1/projects/{projectId}/milestones/positions", new { milestoneIds = new[] { a, b, c } }))
            .AssertProblem(HttpStatusCode.Forbidden, "Only admins and achievers");
    }
}
