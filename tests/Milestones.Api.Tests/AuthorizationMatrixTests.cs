using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>Who may do what: anonymous, wrong scope, each role, non-member, on public and private projects.</summary>
public sealed class AuthorizationMatrixTests(ApiFactory factory) : ApiTestBase(factory)
{
    public enum Caller { Anonymous, ReadScopeAdmin, Admin, Achiever, Supporter, NonMember }

    private async Task<(HttpClient Client, long ProjectId, long MilestoneId)> ArrangeAsync(Caller caller, string visibility)
    {
        var (_, ownerName, owner) = await Given.UserAsync();
        var project = await Given.ProjectAsync(owner, visibility);
        var milestone = await Given.MilestoneAsync(owner, project.Id());
        HttpClient client;
        switch (caller)
        {
            case Caller.Anonymous:
                client = Factory.Anonymous();
                break;
            case Caller.Admin:
                client = owner;
                break;
            case Caller.ReadScopeAdmin:
                var key = (await owner.Post("/api/v1/users/me/api-keys", new { name = "ro", scopes = new[] { "milestones:read" } })).Data(HttpStatusCode.Created);
                client = Factory.WithKey(key.Str("key")!);
                break;
            case Caller.NonMember:
                client = (await Given.UserAsync()).Client;
                break;
            default:
                var (_, name, member) = await Given.UserAsync();
                await Given.AddMemberAsync(owner, project.Id(), name, caller == Caller.Achiever ? "achiever" : "supporter");
                client = member;
                break;
        }

        _ = ownerName;
        return (client, project.Id(), milestone.Id());
    }

    [Theory]
    [InlineData(Caller.Anonymous, "private", HttpStatusCode.NotFound)]
    [InlineData(Caller.NonMember, "private", HttpStatusCode.NotFound)]
    [InlineData(Caller.Supporter, "private", HttpStatusCode.OK)]
    [InlineData(Caller.Achiever, "private", HttpStatusCode.OK)]
    [InlineData(Caller.Admin, "private", HttpStatusCode.OK)]
    [InlineData(Caller.ReadScopeAdmin, "private", HttpStatusCode.OK)]
    [InlineData(Caller.Anonymous, "public", HttpStatusCode.OK)]
    [InlineData(Caller.NonMember, "public", HttpStatusCode.OK)]
    public async Task Reading_a_milestone(Caller caller, string visibility, HttpStatusCode expected)
    {
        var (client, _, milestoneId) = await ArrangeAsync(caller, visibility);

        Assert.Equal(expected, (await client.Get($"/api/v1/milestones/{milestoneId}")).Status);
    }

    [Theory]
    [InlineData(Caller.Anonymous, "public", HttpStatusCode.Unauthorized)]
    [InlineData(Caller.ReadScopeAdmin, "private", HttpStatusCode.Forbidden)]
    [InlineData(Caller.NonMember, "private", HttpStatusCode.NotFound)]
    [InlineData(Caller.NonMember, "public", HttpStatusCode.Forbidden)]
    [InlineData(Caller.Supporter, "private", HttpStatusCode.Forbidden)]
    [InlineData(Caller.Achiever, "private", HttpStatusCode.Created)]
    [InlineData(Caller.Admin, "private", HttpStatusCode.Created)]
    public async Task Creating_a_milestone(Caller caller, string visibility, HttpStatusCode expected)
    {
        var (client, projectId, _) = await ArrangeAsync(caller, visibility);

        var result = await client.Post($"/api/v1/projects/{projectId}/milestones", new { title = Scenario.Unique("m") });

        Assert.Equal(expected, result.Status);
        if (expected == HttpStatusCode.Forbidden && caller is Caller.Supporter or Caller.NonMember)
        {
            result.AssertProblem(expected, "Only admins and achievers can create milestones");
        }
    }

    [Theory]
    [InlineData(Caller.Supporter, HttpStatusCode.Forbidden)]
    [InlineData(Caller.Achiever, HttpStatusCode.OK)]
    [InlineData(Caller.Admin, HttpStatusCode.OK)]
    [InlineData(Caller.ReadScopeAdmin, HttpStatusCode.Forbidden)]
    public async Task Updating_a_milestone(Caller caller, HttpStatusCode expected)
    {
        var (client, _, milestoneId) = await ArrangeAsync(caller, "private");

        Assert.Equal(expected, (await client.Patch($"/api/v1/milestones/{milestoneId}", new { color = "info" })).Status);
    }

    [Theory]
    [InlineData(Caller.Supporter, HttpStatusCode.Forbidden)]
    [InlineData(Caller.Achiever, HttpStatusCode.Forbidden)]
    [InlineData(Caller.Admin, HttpStatusCode.OK)]
    [InlineData(Caller.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Deleting_and_recounting(Caller caller, HttpStatusCode expected)
    {
        var (client, projectId, milestoneId) = await ArrangeAsync(caller, "public");

        Assert.Equal(expected, (await client.Post($"/api/v1/projects/{projectId}/recount")).Status);
        Assert.Equal(expected, (await client.Delete($"/api/v1/milestones/{milestoneId}")).Status);
    }

    [Theory]
    [InlineData(Caller.Anonymous, "private", HttpStatusCode.NotFound)]
    [InlineData(Caller.Anonymous, "public", HttpStatusCode.OK)]
    [InlineData(Caller.Supporter, "private", HttpStatusCode.OK)]
    [InlineData(Caller.NonMember, "private", HttpStatusCode.NotFound)]
    public async Task Reading_the_event_log(Caller caller, string visibility, HttpStatusCode expected)
    {
        var (client, projectId, _) = await ArrangeAsync(caller, visibility);

        Assert.Equal(expected, (await client.Get($"/api/v1/projects/{projectId}/events")).Status);
    }

    [Fact]
    public async Task Users_endpoints_need_a_key()
    {
        var result = await Factory.Anonymous().Get("/api/v1/users/me");

        result.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", result.Response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("Bearer sk_live_not_a_real_key_at_all_0000000000")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer x")]
    public async Task A_bad_authorization_header_is_401_even_where_anonymous_reading_is_allowed(string header)
    {
        var client = Factory.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        var result = await client.Get("/api/v1/projects?visibility=public");

        result.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", result.Response.Headers.WwwAuthenticate.ToString());
    }
}
