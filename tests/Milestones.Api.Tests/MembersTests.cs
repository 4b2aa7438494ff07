using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

public sealed class MembersTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task An_admin_adds_a_member_by_username_and_changes_their_role()
    {
        var project = await Given.ProjectAsync(Admin);
        var (userId, name, _) = await Given.UserAsync();

        var added = (await Admin.Put($"/api/v1/projects/{project.Id()}/members/{name}", new { role = "supporter" })).Data();
        var changed = (await Admin.Put($"/api/v1/projects/{project.Id()}/members/{userId}", new { role = "achiever" })).Data();

        Assert.Equal("supporter", added.Str("role"));
        Assert.Equal("achiever", changed.Str("role"));
        Assert.Equal(2, (await Admin.Get($"/api/v1/projects/{project.Id()}/members")).Body!.Int("count"));
        var types = (await Admin.Get($"/api/v1/projects/{project.Id()}/events")).Data().AsArray().Select(e => e!.Str("type"));
        Assert.Contains("member.added", types);
        Assert.Contains("member.role_changed", types);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted()
    {
        var (adminId, _, owner) = await Given.UserAsync();
        var project = await Given.ProjectAsync(owner);

        (await owner.Put($"/api/v1/projects/{project.Id()}/members/{adminId}", new { role = "achiever" }))
            .AssertProblem(HttpStatusCode.Conflict, "last admin");
    }

    [Fact]
    public async Task The_last_admin_cannot_be_removed()
    {
        var (adminId, _, owner) = await Given.UserAsync();
        var project = await Given.ProjectAsync(owner);

        (await owner.Delete($"/api/v1/projects/{project.Id()}/members/{adminId}")).AssertProblem(HttpStatusCode.Conflict, "last admin");
    }

    [Fact]
    public async Task An_admin_can_step_down_once_another_admin_exists()
    {
        var (ownerId, _, owner) = await Given.UserAsync();
        var project = await Given.ProjectAsync(owner);
        var (_, otherName, _) = await Given.UserAsync();
        await Given.AddMemberAsync(owner, project.Id(), otherName, "admin");

        var result = await owner.Put($"/api/v1/projects/{project.Id()}/members/{ownerId}", new { role = "supporter" });

        Assert.Equal("supporter", result.Data().Str("role"));
    }

    [Fact]
    public async Task Removing_a_member_takes_away_their_access_to_a_private_project()
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, name, member) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, project.Id(), name, "achiever");
        Assert.Equal(HttpStatusCode.OK, (await member.Get($"/api/v1/projects/{project.Id()}")).Status);

        (await Admin.Delete($"/api/v1/projects/{project.Id()}/members/{name}")).Data();

        (await member.Get($"/api/v1/projects/{project.Id()}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_role_is_422_naming_the_roles()
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, name, _) = await Given.UserAsync();

        (await Admin.Put($"/api/v1/projects/{project.Id()}/members/{name}", new { role = "owner" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "admin, achiever, supporter");
    }

    [Fact]
    public async Task An_unknown_user_is_404()
    {
        var project = await Given.ProjectAsync(Admin);

        (await Admin.Put($"/api/v1/projects/{project.Id()}/members/nobody-here", new { role = "achiever" })).AssertProblem(HttpStatusCode.NotFound);
        (await Admin.Delete($"/api/v1/projects/{project.Id()}/members/nobody-here")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Removing_a_user_who_is_not_a_member_is_404()
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, name, _) = await Given.UserAsync();

        (await Admin.Delete($"/api/v1/projects/{project.Id()}/members/{name}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_admins_manage_members()
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, achieverName, achiever) = await Given.UserAsync();
        var (_, otherName, _) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, project.Id(), achieverName, "achiever");

        (await achiever.Put($"/api/v1/projects/{project.Id()}/members/{otherName}", new { role = "achiever" }))
            .AssertProblem(HttpStatusCode.Forbidden, "Only admins");
    }
}
