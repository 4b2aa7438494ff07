using System.Net;
using System.Text;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

public sealed class HttpConventionTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task Malformed_json_is_400_and_creates_nothing()
    {
        var before = (await Admin.Get("/api/v1/projects")).Body!.Int("count");

        var result = await Admin.Send(HttpMethod.Post, "/api/v1/projects", "{\"name\": \"unterminated");

        result.AssertProblem(HttpStatusCode.BadRequest, "malformed");
        Assert.Equal(before, (await Admin.Get("/api/v1/projects")).Body!.Int("count"));
    }

    [Theory]
    [InlineData("{\"name\": 42}", "name")]
    [InlineData("{\"name\": \"x\", \"visibility\": [\"public\"]}", "visibility")]
    public async Task A_wrong_json_type_is_400_naming_the_field(string body, string field)
    {
        var result = await Admin.Send(HttpMethod.Post, "/api/v1/projects", body);

        result.AssertProblem(HttpStatusCode.BadRequest);
        Assert.NotEmpty(result.Body!.ErrorsFor(field));
    }

    [Fact]
    public async Task An_unknown_property_is_400_naming_it()
    {
        var result = await Admin.Send(HttpMethod.Post, "/api/v1/projects", "{\"name\":\"x\",\"colour\":\"red\"}");

        result.AssertProblem(HttpStatusCode.BadRequest, "colour");
        Assert.DoesNotContain("Milestones.Api", result.Body!.Json());
    }

    [Fact]
    public async Task A_missing_body_is_400()
    {
        var result = await Admin.Send(HttpMethod.Post, "/api/v1/projects", null, r => r.Content = new StringContent("", Encoding.UTF8, "application/json"));

        result.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_413()
    {
        var big = "{\"name\":\"" + new string('x', 1024 * 1024 + 10) + "\"}";

        var result = await Admin.Send(HttpMethod.Post, "/api/v1/projects", big);

        result.AssertProblem(HttpStatusCode.RequestEntityTooLarge, "1 MiB");
    }

    [Fact]
    public async Task A_chunked_body_over_one_mebibyte_is_413()
    {
        var big = "{\"name\":\"" + new string('x', 1024 * 1024 + 10) + "\"}";

        var result = await Admin.Send(HttpMethod.Post, "/api/v1/projects", null, r =>
        {
            r.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
            r.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            r.Headers.TransferEncodingChunked = true;
        });

        result.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Deep_json_nesting_is_400_not_a_crash()
    {
        var deep = "{\"name\":\"x\",\"description\":" + string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40)) + "}";

        (await Admin.Send(HttpMethod.Post, "/api/v1/projects", deep)).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_number_that_overflows_is_400()
    {
        var project = await Given.ProjectAsync(Admin);

        (await Admin.Send(HttpMethod.Post, $"/api/v1/projects/{project.Id()}/milestones", "{\"title\":\"x\",\"position\":99999999999999999999}"))
            .AssertProblem(HttpStatusCode.BadRequest, "position");
    }

    [Fact]
    public async Task A_non_numeric_id_is_404_problem()
    {
        var result = await Admin.Get("/api/v1/milestones/abc");

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
    }

    [Fact]
    public async Task Timestamps_are_utc_with_milliseconds_and_z()
    {
        var project = await Given.ProjectAsync(Admin);

        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", project.Str("createdAt"));
    }

    [Fact]
    public async Task Json_uses_camel_case_names_and_snake_case_enum_values()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "x", status = "in_progress" });

        Assert.Equal("in_progress", milestone.Str("status"));
        Assert.NotNull(milestone["tasksCompleted"]);
        Assert.NotNull(milestone["progress"]!["tasksPercent"]);
    }

    [Fact]
    public async Task Health_live_and_ready_answer_200_and_ready_reports_each_dependency()
    {
        var client = Factory.Anonymous();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = System.Text.Json.Nodes.JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal("healthy", report["status"]!.GetValue<string>());
        Assert.Equal("healthy", report["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Validation_problems_carry_an_errors_map_and_a_detail_that_says_what_to_fix()
    {
        var result = await Admin.Post("/api/v1/projects", new { name = "", visibility = "hidden" });

        result.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(result.Body!.ErrorsFor("name"));
        Assert.NotEmpty(result.Body!.ErrorsFor("visibility"));
        Assert.Contains("visibility must be one of", result.Body!.Str("detail"));
    }

    [Theory]
    [InlineData("application/xml", HttpStatusCode.NotAcceptable)]
    [InlineData("text/html", HttpStatusCode.NotAcceptable)]
    [InlineData("application/*;q=0", HttpStatusCode.NotAcceptable)]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("application/json; charset=utf-8", HttpStatusCode.OK)]
    [InlineData("text/html, application/xml;q=0.9, */*;q=0.8", HttpStatusCode.OK)]
    [InlineData("application/problem+json", HttpStatusCode.OK)]
    public async Task An_Accept_that_admits_no_JSON_is_406_before_anything_runs(string accept, HttpStatusCode expected)
    {
        var result = await Admin.Send(HttpMethod.Get, "/api/v1/users/me", null, r =>
        {
            r.Headers.Accept.Clear();
            r.Headers.TryAddWithoutValidation("Accept", accept);
        });

        Assert.Equal(expected, result.Status);
        if (expected == HttpStatusCode.NotAcceptable)
        {
            result.AssertProblem(HttpStatusCode.NotAcceptable, "admits neither");
        }
    }
}
