using System.Net;
using System.Text.Json.Nodes;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 5: strict query strings and bodies, messages in the contract's words, one problem shape, weak If-None-Match, HEAD.</summary>
public sealed class StrictContractTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task A_misspelt_delete_option_is_400_naming_it_and_deletes_nothing()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        var result = await Admin.Delete($"/api/v1/milestones/{milestone.Id()}?delete_tasks=yes");

        result.AssertProblem(HttpStatusCode.BadRequest, "delete_tasks");
        Assert.Contains("tasks", result.Body!.ErrorsFor("delete_tasks").Single(), StringComparison.Ordinal);
        Assert.Null((await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}")).Str("deletedAt"));
    }

    [Theory]
    [InlineData("/api/v1/milestones?project_id=4", "project_id", "projectId")]
    [InlineData("/api/v1/projects?LIMIT=5", "LIMIT", "limit")]
    public async Task An_unknown_or_case_variant_query_parameter_is_400_suggesting_the_real_one(string url, string sent, string meant)
    {
        var result = await Admin.Get(url);

        result.AssertProblem(HttpStatusCode.BadRequest, $"did you mean '{meant}'");
        Assert.NotEmpty(result.Body!.ErrorsFor(sent));
    }

    [Fact]
    public async Task A_duplicated_property_is_400_and_never_flips_a_private_project_public()
    {
        var result = await Admin.Send(HttpMethod.Post, "/api/v1/projects", "{\"name\":\"dup\",\"visibility\":\"private\",\"visibility\":\"public\"}");

        result.AssertProblem(HttpStatusCode.BadRequest, "more than once");
        Assert.NotEmpty(result.Body!.ErrorsFor("visibility"));
        var publicNames = (await Factory.Anonymous().Get("/api/v1/projects?visibility=public")).Data().AsArray().Select(p => p.Str("name"));
        Assert.DoesNotContain("dup", publicNames);
    }

    [Fact]
    public async Task A_case_variant_property_name_is_400_naming_it_as_sent()
    {
        var result = await Admin.Send(HttpMethod.Post, "/api/v1/projects", "{\"NAME\":\"shouting\"}");

        result.AssertProblem(HttpStatusCode.BadRequest, "case-sensitive");
        Assert.NotEmpty(result.Body!.ErrorsFor("NAME"));
    }

    [Theory]
    [InlineData("{\"title\":null}", "title")]
    [InlineData("{\"status\":null}", "status")]
    [InlineData("{\"position\":null}", "position")]
    public async Task Patching_a_milestone_field_that_cannot_be_null_with_null_is_422_and_changes_nothing(string body, string field)
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "kept", status = "in_progress" });

        var result = await Admin.Send(HttpMethod.Patch, $"/api/v1/milestones/{milestone.Id()}", body);

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, $"{field} cannot be null");
        Assert.NotEmpty(result.Body!.ErrorsFor(field));
        var after = await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}");
        Assert.Equal(("kept", "in_progress"), (after.Str("title"), after.Str("status")));
    }

    [Theory]
    [InlineData("{\"title\":\"t\",\"status\":null}", "status")]
    [InlineData("{\"title\":\"t\",\"color\":null}", "color")]
    [InlineData("{\"title\":\"t\",\"tasks\":null}", "tasks")]
    public async Task Creating_with_null_for_a_field_that_has_a_default_but_no_null_is_422(string body, string field)
    {
        var project = await Given.ProjectAsync(Admin);

        var result = await Admin.Send(HttpMethod.Post, $"/api/v1/projects/{project.Id()}/milestones", body);

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, $"{field} cannot be null");
        Assert.Equal(0, (await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}")).Int("milestonesTotal"));
    }

    [Fact]
    public async Task Clearable_fields_still_clear_with_null()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "due", dueDate = "2030-01-01", goalAmount = 10 });

        var patched = (await Admin.Send(HttpMethod.Patch, $"/api/v1/milestones/{milestone.Id()}", "{\"dueDate\":null,\"goalAmount\":null}")).Data();

        Assert.Null(patched.Str("dueDate"));
        Assert.Null(patched["goalAmount"]);
    }

    [Theory]
    [InlineData("POST", "/projects", "[1]", "body")]
    [InlineData("POST", "/projects", "{\"name\":5}", "name")]
    [InlineData("POST", "/projects", "{\"name\":\"x\",\"description\":{}}", "description")]
    [InlineData("POST", "/projects/{p}/milestones", "{\"title\":\"t\",\"goalAmount\":\"lots\"}", "goalAmount")]
    [InlineData("POST", "/projects/{p}/milestones", "{\"title\":\"t\",\"position\":99999999999}", "position")]
    [InlineData("POST", "/projects/{p}/milestones", "{\"title\":\"t\",\"tasks\":[{\"title\":7}]}", "tasks[0].title")]
    [InlineData("PATCH", "/milestones/{m}", "{\"dueDate\":5}", "dueDate")]
    [InlineData("PATCH", "/milestones/{m}", "{\"goalAmount\":\"x\"}", "goalAmount")]
    [InlineData("POST", "/projects", "{\"name\":", "name")]
    public async Task A_wrong_json_value_is_400_naming_the_field_in_the_contracts_words(string method, string path, string body, string field)
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        var url = "/api/v1" + path.Replace("{p}", $"{project.Id()}", StringComparison.Ordinal).Replace("{m}", $"{milestone.Id()}", StringComparison.Ordinal);

        var result = await Admin.Send(new HttpMethod(method), url, body);

        result.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal([field], result.Body!["errors"]!.AsObject().Select(e => e.Key));
        var text = result.Body.Json();
        foreach (var leak in new[] { "System.", "Milestones.", "`1", "reader options", "LineNumber", "is required" })
        {
            Assert.DoesNotContain(leak, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("GET", "/api/v1/no/such/route", null, 404)]
    [InlineData("PUT", "/api/v1/projects", "{}", 405)]
    [InlineData("POST", "/api/v1/projects", "name=x", 415)]
    [InlineData("GET", "/api/v1/milestones/99999999999999999999", null, 400)]
    public async Task The_frameworks_own_errors_have_the_one_problem_shape(string method, string url, string? body, int status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, body.StartsWith('{') ? "application/json" : "application/x-www-form-urlencoded");
        }

        var response = await Admin.SendAsync(request);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.", problem.Str("type"), StringComparison.Ordinal);
        var title = problem.Str("title")!;
        Assert.Equal(char.ToUpperInvariant(title[0]) + title[1..].ToLowerInvariant(), title);
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("detail")));
        Assert.Equal(new Uri(url, UriKind.Relative).OriginalString.Split('?')[0], problem.Str("instance"));
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("traceId")));
    }

    [Fact]
    public async Task A_weak_If_None_Match_naming_the_current_ETag_is_304()
    {
        var project = await Given.ProjectAsync(Admin);
        var etag = (await Admin.Get($"/api/v1/projects/{project.Id()}")).Response.Headers.ETag!.Tag;

        var weak = await Admin.Get($"/api/v1/projects/{project.Id()}", r => r.Headers.TryAddWithoutValidation("If-None-Match", $"W/{etag}"));
        var other = await Admin.Get($"/api/v1/projects/{project.Id()}", r => r.Headers.TryAddWithoutValidation("If-None-Match", "W/\"other\", \"else\""));

        Assert.Equal(HttpStatusCode.NotModified, weak.Status);
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task If_Match_uses_the_strong_comparison_so_a_weak_tag_never_matches()
    {
        var project = await Given.ProjectAsync(Admin);
        var url = $"/api/v1/projects/{project.Id()}";
        var etag = (await Admin.Get(url)).Response.Headers.ETag!.Tag;

        var weak = await Admin.Patch(url, new { name = "weakly" }, r => r.Headers.TryAddWithoutValidation("If-Match", $"W/{etag}"));
        var strong = await Admin.Patch(url, new { name = "strongly" }, r => r.Headers.TryAddWithoutValidation("If-Match", etag));

        weak.AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.Equal("strongly", strong.Data().Str("name"));
    }

    [Theory]
    [InlineData("/api/v1/projects/{p}")]
    [InlineData("/api/v1/projects/{p}/milestones")]
    [InlineData("/api/v1/users/me")]
    public async Task HEAD_answers_like_GET_without_a_body(string path)
    {
        var project = await Given.ProjectAsync(Admin);
        var url = path.Replace("{p}", $"{project.Id()}", StringComparison.Ordinal);
        var get = await Admin.Get(url);

        var head = await Admin.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Response.Headers.ETag, head.Headers.ETag);
    }
}
