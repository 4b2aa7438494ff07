using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 4: checks run as authentication, scope, visibility, role, validation, If-Match, conflict; deleted milestones hide from non-admins.</summary>
public sealed class AccessOrderTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task A_supporter_with_a_stale_If_Match_is_403_not_412()
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, username, supporter) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, project.Id(), username, "supporter");
        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        var result = await supporter.Patch($"/api/v1/milestones/{milestone.Id()}", new { title = "mine" }, r => r.Headers.TryAddWithoutValidation("If-Match", "\"stale\""));

        result.AssertProblem(HttpStatusCode.Forbidden, "Only admins and achievers");
        Assert.Null(result.Response.Headers.ETag);
    }

    [Fact]
    public async Task A_supporter_with_an_invalid_body_is_403_not_422()
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, username, supporter) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, project.Id(), username, "supporter");
        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        var result = await supporter.Patch($"/api/v1/milestones/{milestone.Id()}", new { title = "" });

        result.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("{\"status\":\"done\"}")]
    [InlineData("{\"color\":\"plaid\"}")]
    [InlineData("{\"title\":null}")]
    public async Task A_supporter_with_an_unreadable_value_is_403_not_422(string body)
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, username, supporter) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, project.Id(), username, "supporter");
        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        var result = await supporter.Patch($"/api/v1/milestones/{milestone.Id()}", body);

        result.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_non_member_with_an_unknown_enum_value_in_the_query_of_a_private_project_is_404_not_422()
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, _, outsider) = await Given.UserAsync();

        var result = await outsider.Get($"/api/v1/projects/{project.Id()}/milestones?status=pending,done&sort=weight");

        result.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_with_unknown_enum_values_in_the_query_gets_one_422_naming_each_and_its_allowed_values()
    {
        var project = await Given.ProjectAsync(Admin);

        var result = await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?status=pending,done&sort=weight&order=up");

        result.AssertProblem(HttpStatusCode.UnprocessableEntity);
        var errors = result.Body!["errors"]!;
        Assert.Contains("'done'; allowed: pending, in_progress, reached, failed", errors["status"]![0]!.GetValue<string>());
        Assert.Equal("sort must be one of: position, title, createdAt, updatedAt, dueDate.", errors["sort"]![0]!.GetValue<string>());
        Assert.Equal("order must be one of: asc, desc.", errors["order"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_non_member_with_an_invalid_query_on_a_private_project_is_404_not_422()
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, _, outsider) = await Given.UserAsync();

        var result = await outsider.Get($"/api/v1/projects/{project.Id()}/milestones?limit=0");

        result.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_with_an_invalid_body_and_a_stale_If_Match_is_422_before_412()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        var result = await Admin.Patch($"/api/v1/milestones/{milestone.Id()}", new { color = "plaid" }, r => r.Headers.TryAddWithoutValidation("If-Match", "\"stale\""));

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, "color");
    }

    [Fact]
    public async Task A_deleted_milestone_and_everything_under_it_is_404_to_members_who_are_not_admins()
    {
        var project = await Given.ProjectAsync(Admin, "public");
        var (_, achieverName, achiever) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, project.Id(), achieverName, "achiever");
        var (_, _, supporter) = await Given.UserAsync();
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "doomed", goalAmount = 100 });
        var support = (await supporter.Post($"/api/v1/milestones/{milestone.Id()}/supports", new { amount = 5 })).Data(HttpStatusCode.Created);
        (await Admin.Delete($"/api/v1/milestones/{milestone.Id()}")).Data();
        var url = $"/api/v1/milestones/{milestone.Id()}";

        var answers = new[]
        {
            await achiever.Get(url),
            await achiever.Patch(url, new { title = "revived" }),
            await achiever.Get($"{url}/tasks"),
            await achiever.Post($"{url}/tasks", new { title = "t" }),
            await supporter.Post($"{url}/supports", new { amount = 5 }),
            await supporter.Get($"{url}/supports"),
            await supporter.Get($"/api/v1/supports/{support.Id()}"),
            await achiever.Delete(url),
        };

        Assert.All(answers, a => a.AssertProblem(HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.OK, (await Admin.Get(url)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Admin.Get($"/api/v1/supports/{support.Id()}")).Status);
    }
}
