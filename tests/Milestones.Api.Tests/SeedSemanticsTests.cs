using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 3 and 5 as the seeds' users expect them: answers that hold up.</summary>
public sealed class SeedSemanticsTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task The_Location_of_a_key_an_admin_issued_answers_and_lists_the_users_keys()
    {
        var user = (await Admin.Post("/api/v1/users", new { username = Scenario.Unique("holder").ToLowerInvariant() })).Data(HttpStatusCode.Created);
        var issued = await Admin.Post($"/api/v1/users/{user.Id()}/api-keys", new { name = "ci", scopes = new[] { "milestones:read" } });
        var created = issued.Data(HttpStatusCode.Created);

        var located = (await Admin.Get(issued.Response.Headers.Location!.OriginalString)).Data();
        var listed = (await Admin.Get($"/api/v1/users/{user.Id()}/api-keys")).Data().AsArray();

        Assert.Equal(created.Id(), located.Id());
        Assert.Null(located["key"]);
        Assert.Equal([created.Id()], listed.Select(k => k.Id()));
    }

    [Fact]
    public async Task Only_global_admins_read_other_users_keys()
    {
        var (_, _, someone) = await Given.UserAsync();

        var result = await someone.Get("/api/v1/users/1/api-keys/1");

        result.AssertProblem(HttpStatusCode.Forbidden, "global administrators");
    }

    [Fact]
    public async Task The_default_milestone_refuses_pledges_with_409_and_no_money_moves()
    {
        var project = await Given.ProjectAsync(Admin, "public");
        var bucket = await Given.DefaultMilestoneIdAsync(Admin, project.Id());
        var (_, _, supporter) = await Given.UserAsync();

        var result = await supporter.Post($"/api/v1/milestones/{bucket}/supports", new { amount = 10 });

        result.AssertProblem(HttpStatusCode.Conflict, "takes no pledges");
        var m = await Given.GetAsync(Admin, $"/api/v1/milestones/{bucket}");
        Assert.Equal((0m, 0), (m!["raisedAmount"]!.GetValue<decimal>(), m.Int("supportersCount")));
    }

    [Fact]
    public async Task A_milestone_created_as_reached_was_reached_when_it_was_created()
    {
        var project = await Given.ProjectAsync(Admin);
        Factory.Clock.Advance(TimeSpan.FromMilliseconds(7));

        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "born reached", status = "reached" });

        Assert.NotNull(milestone.Str("reachedAt"));
        Assert.Equal(milestone.Str("createdAt"), milestone.Str("reachedAt"));
        Assert.Equal(milestone.Str("createdAt"), milestone.Str("updatedAt"));
    }

    [Theory]
    [InlineData(1e20, "goalAmount must be at most 9999999999999999.99.")]
    [InlineData(0, "goalAmount must be greater than 0.")]
    [InlineData(1.005, "goalAmount must have at most 2 decimals.")]
    public async Task A_goal_out_of_bounds_gets_a_message_stating_the_real_bound(double goal, string message)
    {
        var project = await Given.ProjectAsync(Admin);

        var result = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "goal", goalAmount = (decimal)goal });

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, message);
        Assert.Equal([message], result.Body!.ErrorsFor("goalAmount"));
    }
}
