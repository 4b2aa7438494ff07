using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

public sealed class ProjectsTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task Creating_a_project_answers_201_with_location_and_makes_the_creator_admin()
    {
        var (userId, username, client) = await Given.UserAsync();

        var result = await client.Post("/api/v1/projects", new { name = "Moon landing", description = "One small step" });

        var project = result.Data(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/projects/{project.Id()}", result.Response.Headers.Location?.ToString());
        Assert.Equal("private", project.Str("visibility"));
        Assert.Equal(userId, project["ownerId"]!.GetValue<long>());
        var members = (await client.Get($"/api/v1/projects/{project.Id()}/members")).Data();
        var member = Assert.Single(members.AsArray());
        Assert.Equal(username, member!.Str("username"));
        Assert.Equal("admin", member.Str("role"));
    }

    [Fact]
    public async Task Creating_a_project_creates_its_default_uncategorised_milestone_at_position_0()
    {
        var project = await Given.ProjectAsync(Admin);

        var milestones = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones")).Data().AsArray();

        var only = Assert.Single(milestones);
        Assert.Equal("Uncategorised", only!.Str("title"));
        Assert.Equal("uncategorised", only.Str("type"));
        Assert.Equal(0, only.Int("position"));
        Assert.Equal(0, project.Int("milestonesTotal"));
    }

    [Fact]
    public async Task Creating_a_project_records_a_project_created_event()
    {
        var project = await Given.ProjectAsync(Admin);

        var events = (await Admin.Get($"/api/v1/projects/{project.Id()}/events")).Data().AsArray();

        Assert.Equal("project.created", Assert.Single(events)!.Str("type"));
    }

    [Theory]
    [InlineData("", "name")]
    [InlineData(null, "name")]
    public async Task A_project_without_a_name_is_422_naming_the_field(string? name, string field)
    {
        var result = await Admin.Post("/api/v1/projects", new { name });

        result.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(result.Body!.ErrorsFor(field));
    }

    [Fact]
    public async Task A_name_over_200_characters_is_422()
    {
        var result = await Admin.Post("/api/v1/projects", new { name = new string('n', 201) });

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, "200");
    }

    [Fact]
    public async Task An_unknown_visibility_is_422_naming_the_allowed_values()
    {
        var result = await Admin.Post("/api/v1/projects", new { name = "x", visibility = "secret" });

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, "private, public");
    }

    [Fact]
    public async Task A_private_project_is_404_to_a_non_member_and_to_anonymous_callers()
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, _, stranger) = await Given.UserAsync();

        (await stranger.Get($"/api/v1/projects/{project.Id()}")).AssertProblem(HttpStatusCode.NotFound);
        (await Factory.Anonymous().Get($"/api/v1/projects/{project.Id()}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_public_project_is_readable_by_anyone()
    {
        var project = await Given.ProjectAsync(Admin, "public");

        var anonymous = (await Factory.Anonymous().Get($"/api/v1/projects/{project.Id()}")).Data();

        Assert.Equal(project.Id(), anonymous.Id());
    }

    [Fact]
    public async Task Listing_projects_shows_mine_and_with_visibility_public_every_public_one()
    {
        var (_, _, alice) = await Given.UserAsync();
        var mine = await Given.ProjectAsync(alice);
        var othersPublic = await Given.ProjectAsync(Admin, "public");
        var othersPrivate = await Given.ProjectAsync(Admin);

        var myList = (await alice.Get("/api/v1/projects")).Data().AsArray().Select(p => p!.Id()).ToList();
        var publicList = (await alice.Get("/api/v1/projects?visibility=public&limit=100")).Data().AsArray().Select(p => p!.Id()).ToList();

        Assert.Equal([mine.Id()], myList);
        Assert.Contains(othersPublic.Id(), publicList);
        Assert.DoesNotContain(othersPrivate.Id(), publicList);
        Assert.DoesNotContain(mine.Id(), publicList);
    }

    [Fact]
    public async Task Anonymous_callers_listing_projects_see_public_ones_only()
    {
        var pub = await Given.ProjectAsync(Admin, "public");
        var priv = await Given.ProjectAsync(Admin);

        var ids = (await Factory.Anonymous().Get("/api/v1/projects?limit=100")).Data().AsArray().Select(p => p!.Id()).ToList();

        Assert.Contains(pub.Id(), ids);
        Assert.DoesNotContain(priv.Id(), ids);
    }

    [Fact]
    public async Task Patching_a_project_changes_only_the_fields_sent()
    {
        var project = (await Admin.Post("/api/v1/projects", new { name = "Before", description = "kept" })).Data(HttpStatusCode.Created);

        var updated = (await Admin.Patch($"/api/v1/projects/{project.Id()}", new { name = "After" })).Data();

        Assert.Equal("After", updated.Str("name"));
        Assert.Equal("kept", updated.Str("description"));
    }

    [Fact]
    public async Task Only_admins_can_update_a_project()
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, achieverName, achiever) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, project.Id(), achieverName, "achiever");

        (await achiever.Patch($"/api/v1/projects/{project.Id()}", new { name = "Mine now" }))
            .AssertProblem(HttpStatusCode.Forbidden, "Only admins");
    }

    [Fact]
    public async Task Deleting_a_project_is_soft_and_then_it_is_404()
    {
        var project = await Given.ProjectAsync(Admin);

        var deleted = (await Admin.Delete($"/api/v1/projects/{project.Id()}")).Data();

        Assert.True(deleted["deleted"]!.GetValue<bool>());
        Assert.Equal(project.Id(), deleted.Id());
        (await Admin.Get($"/api/v1/projects/{project.Id()}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_project_response_carries_an_etag_and_if_none_match_gives_304()
    {
        var project = await Given.ProjectAsync(Admin);
        var first = await Admin.Get($"/api/v1/projects/{project.Id()}");
        var etag = first.Response.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(etag));

        var second = await Admin.Get($"/api/v1/projects/{project.Id()}", r => r.Headers.TryAddWithoutValidation("If-None-Match", etag));

        Assert.Equal(HttpStatusCode.NotModified, second.Status);
    }

    [Fact]
    public async Task A_stale_if_match_on_patch_is_412_and_changes_nothing()
    {
        var project = await Given.ProjectAsync(Admin);
        var etag = (await Admin.Get($"/api/v1/projects/{project.Id()}")).Response.Headers.ETag!.ToString();
        await Admin.Patch($"/api/v1/projects/{project.Id()}", new { description = "changed by someone else" });

        var stale = await Admin.Patch($"/api/v1/projects/{project.Id()}", new { name = "Mine" }, r => r.Headers.TryAddWithoutValidation("If-Match", etag));

        stale.AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.NotEqual("Mine", (await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}")).Str("name"));
    }

    [Fact]
    public async Task A_current_if_match_on_patch_succeeds()
    {
        var project = await Given.ProjectAsync(Admin);
        var etag = (await Admin.Get($"/api/v1/projects/{project.Id()}")).Response.Headers.ETag!.ToString();

        var result = await Admin.Patch($"/api/v1/projects/{project.Id()}", new { name = "Fresh" }, r => r.Headers.TryAddWithoutValidation("If-Match", etag));

        Assert.Equal("Fresh", result.Data().Str("name"));
    }
}
