using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests.Compat;

/// <summary>Seed 000 (artist) as its document shows it, at <c>/compat/artist</c>: add, list, update, delete with their parameters and response fields.</summary>
public sealed class ArtistDialectTests(ApiFactory factory) : ApiTestBase(factory)
{
    private const string Base = "/compat/artist/v1/milestones";

    [Fact]
    public async Task Add_with_the_documents_parameters_creates_the_users_public_personal_project_once()
    {
        var (userId, username, artist) = await Given.UserAsync();

        var first = await artist.Post($"{Base}/add", new { goal = 102.00m, description = "I will draw penguins" });
        var second = await artist.Post($"{Base}/add", new { goal = 40m, description = "I will draw dragons" });

        Assert.Equal(HttpStatusCode.Created, first.Status);
        var milestone = first.Body!["milestone"]!;
        foreach (var field in new[] { "id", "userId", "username", "goal", "description", "raised", "supportersCount", "status", "createdAt" })
        {
            Assert.NotNull(milestone[field]);
        }

        Assert.Equal((userId, username, 102m, "I will draw penguins", 0m, 0, "pending"),
            (milestone["userId"]!.GetValue<long>(), milestone.Str("username"), milestone["goal"]!.GetValue<decimal>(), milestone.Str("description"),
             milestone["raised"]!.GetValue<decimal>(), milestone.Int("supportersCount"), milestone.Str("status")));
        var a = (await artist.Get($"/api/v1/milestones/{milestone.Id()}")).Data();
        var b = (await artist.Get($"/api/v1/milestones/{second.Body!["milestone"].Id()}")).Data();
        Assert.Equal(a["projectId"]!.GetValue<long>(), b["projectId"]!.GetValue<long>());
        var project = (await artist.Get($"/api/v1/projects/{a["projectId"]}")).Data();
        Assert.Equal((username, "public", userId, 2), (project.Str("name"), project.Str("visibility"), project["ownerId"]!.GetValue<long>(), project.Int("milestonesTotal")));
        Assert.Equal(first.Response.Headers.Location!.OriginalString, $"/api/v1/milestones/{milestone.Id()}");
    }

    [Fact]
    public async Task The_title_comes_from_the_descriptions_first_line_made_unique_or_is_Milestone_N()
    {
        var (_, _, artist) = await Given.UserAsync();

        var titles = new List<string?>();
        foreach (var description in new[] { "I will draw penguins\nin colour", "I will draw penguins", "", new string('x', 250) })
        {
            var added = (await artist.Post($"{Base}/add", new { goal = 10, description })).Body!["milestone"]!;
            titles.Add((await artist.Get($"/api/v1/milestones/{added.Id()}")).Data().Str("title"));
        }

        Assert.Equal(["I will draw penguins", "I will draw penguins (2)", "Milestone 3", new string('x', 200)], titles);
    }

    [Theory]
    [InlineData("""{"description": "no goal"}""", "goal is required")]
    [InlineData("""{"goal": 0}""", "goal must be greater than 0")]
    [InlineData("""{"goal": 1.001}""", "goal must have at most 2 decimals")]
    [InlineData("""{"goal": "ten"}""", "goal")]
    public async Task Add_refuses_a_missing_or_bad_goal_and_changes_nothing(string body, string message)
    {
        var (_, username, artist) = await Given.UserAsync();

        var result = await artist.Post($"{Base}/add", body);

        Assert.True(result.Status is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest, $"{result.Status}");
        result.AssertProblem(result.Status, message);
        Assert.Empty((await Factory.Anonymous().Get($"{Base}?users={username}")).Body!["milestones"]!.AsArray());
    }

    [Fact]
    public async Task Listing_needs_no_key_takes_ids_or_usernames_and_shows_public_projects_only()
    {
        var (aliceId, _, alice) = await Given.UserAsync();
        var (_, bobName, bob) = await Given.UserAsync();
        var a = (await alice.Post($"{Base}/add", new { goal = 5, description = "Alice's" })).Body!["milestone"].Id();
        var b = (await bob.Post($"{Base}/add", new { goal = 6, description = "Bob's" })).Body!["milestone"].Id();
        var hidden = await Given.ProjectAsync(alice, "private");
        await Given.MilestoneAsync(alice, hidden.Id());

        var both = await Factory.Anonymous().Get($"{Base}?users={aliceId},{bobName}");
        var paged = await Factory.Anonymous().Get($"{Base}?users={aliceId},{bobName}&limit=1&offset=1");
        var tooMany = await Factory.Anonymous().Get($"{Base}?limit=51");
        var asAlice = await alice.Get($"{Base}?users={aliceId}");

        Assert.Equal([a, b], both.Body!["milestones"]!.AsArray().Select(m => m.Id()).Order());
        Assert.Single(paged.Body!["milestones"]!.AsArray());
        tooMany.AssertProblem(HttpStatusCode.UnprocessableEntity, "limit must be between 1 and 50");
        Assert.Equal([a], asAlice.Body!["milestones"]!.AsArray().Select(m => m.Id()));
    }

    [Fact]
    public async Task Update_answers_updated_true_with_the_milestone_and_only_the_projects_admins_may()
    {
        var (_, _, artist) = await Given.UserAsync();
        var id = (await artist.Post($"{Base}/add", new { goal = 102.00m, description = "I will draw penguins" })).Body!["milestone"].Id();
        var project = (await artist.Get($"/api/v1/milestones/{id}")).Data()["projectId"]!.GetValue<long>();
        var (_, helperName, helper) = await Given.UserAsync();
        await Given.AddMemberAsync(artist, project, helperName, "achiever");

        var updated = await artist.Put($"{Base}/{id}/update", new { goal = 40000.00m, description = "I will draw penguins and dragons!" });
        var byAchiever = await helper.Put($"{Base}/{id}/update", new { goal = 1 });
        var empty = await artist.Put($"{Base}/{id}/update", new { });

        Assert.True(updated.Body!["updated"]!.GetValue<bool>());
        Assert.Equal((40000m, "I will draw penguins and dragons!"), (updated.Body["milestone"]!["goal"]!.GetValue<decimal>(), updated.Body["milestone"].Str("description")));
        byAchiever.AssertProblem(HttpStatusCode.Forbidden, "Only admins can update milestones");
        empty.AssertProblem(HttpStatusCode.UnprocessableEntity, "Send goal, description or both");
        Assert.Equal(40000m, (await artist.Get($"/api/v1/milestones/{id}")).Data()["goalAmount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Delete_answers_deleted_true_and_another_user_cannot_delete()
    {
        var (_, username, artist) = await Given.UserAsync();
        var id = (await artist.Post($"{Base}/add", new { goal = 5, description = "Short lived" })).Body!["milestone"].Id();
        var (_, _, stranger) = await Given.UserAsync();

        var refused = await stranger.Delete($"{Base}/{id}");
        var deleted = await artist.Delete($"{Base}/{id}");

        refused.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal("""{"deleted":true}""", deleted.Body.Json());
        Assert.Empty((await Factory.Anonymous().Get($"{Base}?users={username}")).Body!["milestones"]!.AsArray());
        (await artist.Delete($"{Base}/{id}")).AssertProblem(HttpStatusCode.NotFound);
    }
}
