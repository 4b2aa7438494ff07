using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 5 and 7 as a careful REST user checks them (issue 25): the rough edges, each with the answer it must give.</summary>
public sealed class ContractRoughEdgesTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task A_task_sent_with_completed_null_is_422_naming_that_task_and_nothing_is_created()
    {
        var project = await Given.ProjectAsync(Admin);

        var result = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", """{"title":"with tasks","tasks":[{"title":"a"},{"title":"b","completed":null}]}""");

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, "tasks[1].completed cannot be null");
        Assert.Equal(0, (await Admin.Get($"/api/v1/projects/{project.Id()}")).Data().Int("milestonesTotal"));
    }

    [Theory]
    [InlineData("{}", "title is required.")]
    [InlineData("""{"title":""}""", "title cannot be empty.")]
    [InlineData("""{"title":"  "}""", "title cannot be empty (whitespace, control and format characters do not count).")]
    public async Task A_task_without_a_usable_title_gets_one_message_that_says_what_is_wrong(string body, string message)
    {
        var milestone = await Given.MilestoneAsync(Admin, (await Given.ProjectAsync(Admin)).Id());

        var result = await Admin.Post($"/api/v1/milestones/{milestone.Id()}/tasks", body);

        result.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal([message], result.Body!.ErrorsFor("title"));
        Assert.Equal(0, (await Admin.Get($"/api/v1/milestones/{milestone.Id()}")).Data().Int("tasksTotal"));
    }

    [Fact]
    public async Task Past_the_end_prev_points_at_the_last_page()
    {
        var project = await Given.ProjectAsync(Admin);
        for (var i = 0; i < 3; i++)
        {
            await Given.MilestoneAsync(Admin, project.Id());
        }

        var beyond = await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?limit=2&offset=10");

        var link = string.Join(",", beyond.Response.Headers.GetValues("Link"));
        Assert.Contains("limit=2&offset=2>; rel=\"prev\"", link, StringComparison.Ordinal);
        Assert.Contains("limit=2&offset=2>; rel=\"last\"", link, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatedAt_moves_with_the_counters_as_the_ETag_does()
    {
        var project = await Given.ProjectAsync(Admin, "public");
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "counted", goalAmount = 100 });
        var projectBefore = (await Admin.Get($"/api/v1/projects/{project.Id()}")).Data();
        var (_, _, supporter) = await Given.UserAsync();

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Given.TaskAsync(Admin, milestone.Id());
        var afterTask = await Admin.Get($"/api/v1/milestones/{milestone.Id()}");
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        (await supporter.Post($"/api/v1/milestones/{milestone.Id()}/supports", new { amount = 5 })).Data(HttpStatusCode.Created);
        var afterPledge = await Admin.Get($"/api/v1/milestones/{milestone.Id()}");
        var projectAfter = (await Admin.Get($"/api/v1/projects/{project.Id()}")).Data();

        Assert.True(string.CompareOrdinal(afterTask.Data().Str("updatedAt"), milestone.Str("updatedAt")) > 0, "a new task moved the milestone's updatedAt");
        Assert.True(string.CompareOrdinal(afterPledge.Data().Str("updatedAt"), afterTask.Data().Str("updatedAt")) > 0, "a pledge moved it again");
        Assert.NotEqual(afterTask.Response.Headers.ETag, afterPledge.Response.Headers.ETag);
        Assert.True(string.CompareOrdinal(projectAfter.Str("updatedAt"), projectBefore.Str("updatedAt")) > 0, "the project's task counter moved its updatedAt");
    }

    [Fact]
    public async Task An_unknown_role_gets_one_message_naming_the_allowed_roles()
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, username, _) = await Given.UserAsync();

        var result = await Admin.Put($"/api/v1/projects/{project.Id()}/members/{username}", new { role = "boss" });

        result.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("role must be one of: admin, achiever, supporter.", result.Body!["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("POST", "/api/v1/milestones/add", 404, null)]
    [InlineData("PUT", "/api/v1/milestones/positions", 404, null)]
    [InlineData("GET", "/api/v1/milestones/add", 404, null)]
    [InlineData("POST", "/api/v1/milestones/{milestone}", 405, "DELETE, GET, HEAD, PATCH")]
    [InlineData("DELETE", "/api/v1/users/me", 405, "GET, HEAD")]
    [InlineData("GET", "/compat/buckets/api/milestones/positions", 405, "PUT")]
    public async Task A_405_comes_only_from_a_path_that_exists_and_Allow_lists_what_that_path_answers(string method, string path, int status, string? allow)
    {
        if (path.Contains("{milestone}", StringComparison.Ordinal))
        {
            var milestone = await Given.MilestoneAsync(Admin, (await Given.ProjectAsync(Admin)).Id());
            path = path.Replace("{milestone}", milestone.Id().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var result = await Admin.Send(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : "{}");

        result.AssertProblem((HttpStatusCode)status);
        Assert.Equal(allow, result.Response.Content.Headers.Allow.Count == 0 ? null : string.Join(", ", result.Response.Content.Headers.Allow));
        if (allow is not null)
        {
            foreach (var listed in allow.Split(", ").Where(m => m is not ("HEAD" or "DELETE" or "PATCH" or "PUT" or "POST")))
            {
                Assert.NotEqual(HttpStatusCode.NotFound, (await Admin.Send(new HttpMethod(listed), path)).Status); // what Allow names answers
            }
        }
    }

    [Fact]
    public async Task Titles_are_stored_in_NFC_so_Cafe_with_a_combining_accent_collides_with_Cafe()
    {
        var project = await Given.ProjectAsync(Admin);

        var composed = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", "{\"title\":\"Caf\u00e9\"}");
        var decomposed = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", "{\"title\":\"Cafe\u0301\"}");
        var renamed = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Tea" });
        var rename = await Admin.Patch($"/api/v1/milestones/{renamed.Id()}", "{\"title\":\"CAFE\u0301\"}");

        Assert.Equal("Caf\u00e9", composed.Data(HttpStatusCode.Created).Str("title"));
        decomposed.AssertProblem(HttpStatusCode.Conflict, "already exists");
        rename.AssertProblem(HttpStatusCode.Conflict, "already exists");
    }

    [Theory]
    [InlineData(@"\u200b")]
    [InlineData(@"\u0000")]
    [InlineData(@" \ufeff\t")]
    [InlineData(@"a\u0000b")]
    [InlineData(@"line\nbreak")]
    public async Task A_title_with_nothing_visible_or_a_control_character_is_422(string escaped)
    {
        var project = await Given.ProjectAsync(Admin);

        var result = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", $"{{\"title\":\"{escaped}\"}}");

        result.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(result.Body!.ErrorsFor("title"));
        Assert.Equal(0, (await Admin.Get($"/api/v1/projects/{project.Id()}")).Data().Int("milestonesTotal"));
    }

    [Fact]
    public async Task Lengths_count_characters_not_UTF16_units()
    {
        var project = await Given.ProjectAsync(Admin);

        var fits = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = string.Concat(Enumerable.Repeat("😀", 200)) });
        var tooLong = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = string.Concat(Enumerable.Repeat("😀", 201)) });

        Assert.Equal(400, fits.Data(HttpStatusCode.Created).Str("title")!.Length); // 200 characters, 400 UTF-16 units
        tooLong.AssertProblem(HttpStatusCode.UnprocessableEntity, "title must be at most 200 characters");
    }

    [Fact]
    public async Task Sort_by_title_is_culture_neutral_accents_and_case_set_aside()
    {
        var project = await Given.ProjectAsync(Admin);
        foreach (var title in new[] { "z", "\u00c9cole", "\u03a3", "Ecole", "\u0130", "apple" })
        {
            await Given.MilestoneAsync(Admin, project.Id(), new { title });
        }

        var sorted = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?type=categorised&sort=title")).Data().AsArray().Select(m => m.Str("title")).ToList();

        Assert.Equal(["apple", "\u00c9cole", "Ecole", "\u0130", "z", "\u03a3"], sorted);
    }
}
