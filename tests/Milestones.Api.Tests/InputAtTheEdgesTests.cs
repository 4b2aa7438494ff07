using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 7: values at the ends of their ranges answer 2xx or 4xx, never 500, and never wrap around.</summary>
public sealed class InputAtTheEdgesTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task The_last_day_of_the_calendar_is_a_valid_due_date_on_create_and_on_patch()
    {
        var project = await Given.ProjectAsync(Admin);

        var created = await Given.MilestoneAsync(Admin, project.Id(), new { title = "far", dueDate = "9999-12-31" });
        var other = await Given.MilestoneAsync(Admin, project.Id());
        var patched = (await Admin.Patch($"/api/v1/milestones/{other.Id()}", new { dueDate = "9999-12-31T00:00:00Z" })).Data();

        Assert.Equal("9999-12-31T23:59:59.999Z", created.Str("dueDate"));
        Assert.Equal("9999-12-31T23:59:59.999Z", patched.Str("dueDate"));
    }

    [Fact]
    public async Task Due_date_bounds_are_inclusive_and_a_date_alone_covers_its_whole_day()
    {
        var project = await Given.ProjectAsync(Admin);
        var due = (await Given.MilestoneAsync(Admin, project.Id(), new { title = "due", dueDate = "2027-02-01" })).Id();
        var later = (await Given.MilestoneAsync(Admin, project.Id(), new { title = "later", dueDate = "2027-02-02" })).Id();
        async Task<long[]> Ids(string query) =>
            [.. (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?{query}")).Data().AsArray().Select(m => m!.Id())];

        Assert.Equal([due], await Ids("dueBefore=2027-02-01"));
        Assert.Equal([due, later], await Ids("dueAfter=2027-02-01"));
        Assert.Equal([due], await Ids("dueAfter=2027-02-01&dueBefore=2027-02-01"));
        Assert.Equal([due], await Ids("dueBefore=2027-02-01T23:59:59.999Z"));
        Assert.Empty(await Ids("dueBefore=2027-02-01T23:59:59.998Z"));
        Assert.Equal([later], await Ids("dueAfter=2027-02-01T23:59:59.9991Z"));
    }

    [Theory]
    [InlineData("limit=0x10")]
    [InlineData("limit=1e1")]
    [InlineData("limit=%2B5")]
    [InlineData("limit=%205")]
    [InlineData("limit=1.5")]
    [InlineData("offset=2147483648")]
    public async Task A_query_number_is_plain_decimal_digits_or_a_400_naming_it(string query)
    {
        var project = await Given.ProjectAsync(Admin);

        var result = await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?{query}");

        result.AssertProblem(HttpStatusCode.BadRequest, "plain decimal digits");
        Assert.NotEmpty(result.Body!.ErrorsFor(query.Split('=')[0]));
    }

    [Theory]
    [InlineData("GET", "/api/v1/milestones?limit=1.5", null, "limit must be a whole number from 1 to 100")]
    [InlineData("GET", "/api/v1/milestones?offset=2147483648", null, "offset must be a whole number from 0")]
    [InlineData("GET", "/api/v1/milestones?projectId=abc", null, "projectId must be a whole number")]
    [InlineData("GET", "/api/v1/milestones?overdue=maybe", null, "overdue must be true or false")]
    [InlineData("GET", "/api/v1/milestones?includeDeleted=1", null, "includeDeleted must be true or false")]
    [InlineData("GET", "/api/v1/milestones?dueBefore=2026-02-30", null, "dueBefore must be an ISO 8601 date")]
    [InlineData("GET", "/api/v1/milestones/99999999999999999999999", null, "milestoneId must be a whole number")]
    [InlineData("POST", "/api/v1/projects/{project}/milestones", "{\"title\":\"x\",\"dueDate\":\"2026-02-30\"}", "'2026-02-30' is not an ISO 8601 date")]
    [InlineData("POST", "/api/v1/projects/{project}/milestones", "{\"title\":\"x\",}", "comma after its last property")]
    public async Task Messages_about_query_route_and_date_values_name_the_value_and_what_it_accepts(string method, string url, string? body, string expected)
    {
        var project = await Given.ProjectAsync(Admin);

        var result = await Admin.Send(new HttpMethod(method), url.Replace("{project}", project.Id().ToString(), StringComparison.Ordinal), body);

        result.AssertProblem(HttpStatusCode.BadRequest, expected);
        var detail = result.Body!["detail"]!.GetValue<string>();
        Assert.DoesNotContain("body is not valid JSON", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=5&limit=6", "limit")]
    [InlineData("status=pending&status=reached", "status")]
    [InlineData("search=a&search=b", "search")]
    public async Task A_query_parameter_sent_twice_is_a_400_naming_it(string query, string name)
    {
        var project = await Given.ProjectAsync(Admin);

        var result = await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?{query}");

        result.AssertProblem(HttpStatusCode.BadRequest, "send it once");
        Assert.NotEmpty(result.Body!.ErrorsFor(name));
    }

    [Theory]
    [InlineData("03/31/2026")]
    [InlineData("2026-02-30")]
    [InlineData("31 March 2026")]
    public async Task A_query_date_is_read_by_the_body_s_parser_so_what_a_body_refuses_the_query_refuses_too(string date)
    {
        var project = await Given.ProjectAsync(Admin);

        var query = await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?dueBefore={Uri.EscapeDataString(date)}");
        var body = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "dated", dueDate = date });

        query.AssertProblem(HttpStatusCode.BadRequest, "ISO 8601");
        Assert.NotEmpty(query.Body!.ErrorsFor("dueBefore"));
        Assert.Equal(HttpStatusCode.BadRequest, body.Status);
        Assert.Equal(0, (await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}")).Int("milestonesTotal"));
    }

    [Fact]
    public async Task A_date_and_a_date_time_with_an_offset_mean_the_same_instant_in_the_query_as_in_the_body()
    {
        var project = await Given.ProjectAsync(Admin);
        var due = await Given.MilestoneAsync(Admin, project.Id(), new { title = "due", dueDate = "2026-07-01T02:00:00+02:00" });

        var before = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?dueBefore=2026-07-01T00:00:01%2B00:00")).Data().AsArray();
        var after = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?dueAfter=2026-06-30")).Data().AsArray();

        Assert.Equal("2026-07-01T23:59:59.999Z", due.Str("dueDate"));
        Assert.DoesNotContain(before, m => m!.Id() == due.Id());
        Assert.Contains(after, m => m!.Id() == due.Id());
    }

    [Theory]
    [InlineData("{}", "role is required")]
    [InlineData("{\"role\":null}", "role is required")]
    [InlineData("{\"role\":\"\"}", "role must be one of: admin, achiever, supporter")] // a value the edge could not read, said once
    public async Task Setting_a_member_without_a_role_is_422_naming_role(string body, string message)
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, username, _) = await Given.UserAsync();

        var result = await Admin.Send(HttpMethod.Put, $"/api/v1/projects/{project.Id()}/members/{username}", body);

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, message);
        Assert.Single(result.Body!.ErrorsFor("role"));
        Assert.Single((await Admin.Get($"/api/v1/projects/{project.Id()}/members")).Data().AsArray());
    }

    [Theory]
    [InlineData(2147483647, "between 1 and 1000000")]
    [InlineData(3, "between 1 and 2")]
    public async Task A_milestone_position_past_the_end_is_422_stating_the_range(int position, string message)
    {
        var project = await Given.ProjectAsync(Admin);
        await Given.MilestoneAsync(Admin, project.Id(), new { title = "only" });

        var result = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "far", position });

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, message);
        Assert.Equal(1, (await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}")).Int("milestonesTotal"));
    }

    [Theory]
    [InlineData(2147483647, "between 1 and 1000000")]
    [InlineData(2, "between 1 and 1")]
    public async Task A_task_position_past_the_end_is_422_stating_the_range(int position, string message)
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        var result = await Admin.Post($"/api/v1/milestones/{milestone.Id()}/tasks", new { title = "far", position });

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, message);
        Assert.Equal(0, (await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}")).Int("tasksTotal"));
    }

    [Theory]
    [InlineData("/api/v1/milestones/99999999999999999999", "milestoneId")]
    [InlineData("/api/v1/tasks/9223372036854775808", "taskId")]
    [InlineData("/api/v1/projects/-99999999999999999999/milestones", "projectId")]
    public async Task An_id_beyond_64_bits_is_400_naming_it(string url, string parameter)
    {
        var result = await Admin.Get(url);

        result.AssertProblem(HttpStatusCode.BadRequest, parameter);
        Assert.NotEmpty(result.Body!.ErrorsFor(parameter));
    }
}
