using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

public sealed class MilestonesTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task Creating_a_milestone_applies_the_defaults_and_answers_201_with_location()
    {
        var project = await Given.ProjectAsync(Admin);

        var result = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "Beta" });

        var milestone = result.Data(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/milestones/{milestone.Id()}", result.Response.Headers.Location?.ToString());
        Assert.Equal("pending", milestone.Str("status"));
        Assert.Equal("categorised", milestone.Str("type"));
        Assert.Equal("default", milestone.Str("color"));
        Assert.Equal("", milestone.Str("description"));
        Assert.Equal(1, milestone.Int("position"));
        Assert.Null(milestone["dueDate"]);
        Assert.Null(milestone["reachedAt"]);
        Assert.Equal(0, milestone["progress"]!.Int("tasksPercent"));
        Assert.Null(milestone["progress"]!["fundingPercent"]);
        Assert.False(milestone["isOverdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Position_defaults_to_last_plus_one()
    {
        var project = await Given.ProjectAsync(Admin);
        await Given.MilestoneAsync(Admin, project.Id(), new { title = "a" });
        await Given.MilestoneAsync(Admin, project.Id(), new { title = "b" });

        var next = await Given.MilestoneAsync(Admin, project.Id(), new { title = "c" });

        Assert.Equal(3, next.Int("position"));
    }

    [Fact]
    public async Task Creating_a_milestone_counts_it_on_the_project_and_records_an_event()
    {
        var project = await Given.ProjectAsync(Admin);

        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        Assert.Equal(1, (await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}")).Int("milestonesTotal"));
        var events = (await Admin.Get($"/api/v1/projects/{project.Id()}/events?type=milestone.created")).Data().AsArray();
        Assert.Equal(milestone.Id(), Assert.Single(events)!["milestoneId"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("2026-03-31", "2026-03-31T23:59:59.999Z")]
    [InlineData("2026-03-31T00:00:00Z", "2026-03-31T23:59:59.999Z")]
    [InlineData("2026-03-31T00:00:00.000Z", "2026-03-31T23:59:59.999Z")]
    [InlineData("2026-03-31T15:30:00Z", "2026-03-31T15:30:00.000Z")]
    [InlineData("2026-03-31T02:00:00+02:00", "2026-03-31T23:59:59.999Z")]
    [InlineData("2026-03-31T10:00:00+02:00", "2026-03-31T08:00:00.000Z")]
    public async Task A_due_date_given_as_a_date_or_midnight_utc_means_the_end_of_that_day(string given, string stored)
    {
        var project = await Given.ProjectAsync(Admin);

        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Due", dueDate = given });

        Assert.Equal(stored, milestone.Str("dueDate"));
    }

    [Fact]
    public async Task Creating_a_milestone_with_tasks_creates_them_and_counts_them_in_one_go()
    {
        var project = await Given.ProjectAsync(Admin);

        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new
        {
            title = "With tasks",
            tasks = new object[] { new { title = "one", completed = true }, new { title = "two" }, new { title = "three" } },
        });

        Assert.Equal(3, milestone.Int("tasksTotal"));
        Assert.Equal(1, milestone.Int("tasksCompleted"));
        Assert.Equal(33, milestone["progress"]!.Int("tasksPercent"));
        var p = await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}");
        Assert.Equal(3, p.Int("tasksTotal"));
        Assert.Equal(1, p.Int("tasksCompleted"));
    }

    [Fact]
    public async Task A_task_without_a_title_in_the_create_body_is_422_and_creates_nothing()
    {
        var project = await Given.ProjectAsync(Admin);

        var result = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "T", tasks = new object[] { new { title = "" } } });

        result.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(result.Body!.ErrorsFor("tasks[0].title"));
        Assert.Equal(0, (await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}")).Int("milestonesTotal"));
    }

    [Fact]
    public async Task A_duplicate_title_is_409_case_insensitively()
    {
        var project = await Given.ProjectAsync(Admin);
        await Given.MilestoneAsync(Admin, project.Id(), new { title = "Launch" });

        var result = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "LAUNCH" });

        result.AssertProblem(HttpStatusCode.Conflict, "already exists");
    }

    [Fact]
    public async Task The_same_title_is_fine_in_another_project()
    {
        var first = await Given.ProjectAsync(Admin);
        var second = await Given.ProjectAsync(Admin);
        await Given.MilestoneAsync(Admin, first.Id(), new { title = "Launch" });

        var result = await Admin.Post($"/api/v1/projects/{second.Id()}/milestones", new { title = "Launch" });

        Assert.Equal(HttpStatusCode.Created, result.Status);
    }

    [Theory]
    [InlineData("status", "done", "pending, in_progress, reached, failed")]
    [InlineData("color", "pink", "default, primary, secondary, success, info, warning, danger")]
    public async Task An_unknown_enumerated_value_is_422_naming_the_allowed_values(string field, string value, string allowed)
    {
        var project = await Given.ProjectAsync(Admin);
        var body = new Dictionary<string, object> { ["title"] = "x", [field] = value };

        var result = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", body);

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, allowed);
        Assert.NotEmpty(result.Body!.ErrorsFor(field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10.555)]
    public async Task A_goal_amount_that_is_not_positive_with_two_decimals_is_422(decimal goal)
    {
        var project = await Given.ProjectAsync(Admin);

        var result = await Admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "x", goalAmount = goal });

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, "goalAmount");
    }

    [Fact]
    public async Task A_goal_amount_gives_a_funding_percent()
    {
        var project = await Given.ProjectAsync(Admin);

        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Funded", goalAmount = 250.50m });

        Assert.Equal(250.50m, milestone["goalAmount"]!.GetValue<decimal>());
        Assert.Equal(0, milestone["progress"]!.Int("fundingPercent"));
    }

    [Fact]
    public async Task Reaching_a_milestone_sets_reached_at_and_counts_it_on_the_project()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        var reached = (await Admin.Patch($"/api/v1/milestones/{milestone.Id()}", new { status = "reached" })).Data();

        Assert.Equal("reached", reached.Str("status"));
        Assert.Equal("2026-06-01T12:00:00.000Z", reached.Str("reachedAt"));
        Assert.Equal(1, (await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}")).Int("milestonesReached"));
    }

    [Fact]
    public async Task Leaving_reached_clears_reached_at_and_uncounts_it()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Done", status = "reached" });
        Assert.NotNull(milestone["reachedAt"]);

        var reopened = (await Admin.Patch($"/api/v1/milestones/{milestone.Id()}", new { status = "in_progress" })).Data();

        Assert.Null(reopened["reachedAt"]);
        Assert.Equal(0, (await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}")).Int("milestonesReached"));
    }

    [Fact]
    public async Task A_status_change_records_updated_and_status_changed_events()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        await Admin.Patch($"/api/v1/milestones/{milestone.Id()}", new { status = "failed" });

        var events = (await Admin.Get($"/api/v1/projects/{project.Id()}/events?milestoneId={milestone.Id()}")).Data().AsArray();
        var changed = events.Single(e => e!.Str("type") == "milestone.status_changed")!;
        Assert.Equal("pending", changed["data"]!.Str("from"));
        Assert.Equal("failed", changed["data"]!.Str("to"));
        Assert.Contains(events, e => e!.Str("type") == "milestone.updated");
    }

    [Fact]
    public async Task A_partial_update_changes_only_the_fields_sent()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Keep", description = "kept", color = "info", dueDate = "2026-09-01" });

        var updated = (await Admin.Patch($"/api/v1/milestones/{milestone.Id()}", new { color = "danger" })).Data();

        Assert.Equal("danger", updated.Str("color"));
        Assert.Equal("Keep", updated.Str("title"));
        Assert.Equal("kept", updated.Str("description"));
        Assert.Equal("2026-09-01T23:59:59.999Z", updated.Str("dueDate"));
    }

    [Fact]
    public async Task Sending_due_date_null_clears_it()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Dated", dueDate = "2026-09-01" });

        var updated = (await Admin.Patch($"/api/v1/milestones/{milestone.Id()}", "{\"dueDate\":null}")).Data();

        Assert.Null(updated["dueDate"]);
    }

    [Fact]
    public async Task Renaming_to_a_taken_title_is_409()
    {
        var project = await Given.ProjectAsync(Admin);
        await Given.MilestoneAsync(Admin, project.Id(), new { title = "Taken" });
        var other = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Other" });

        (await Admin.Patch($"/api/v1/milestones/{other.Id()}", new { title = "taken" })).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_default_milestone_can_be_renamed_and_recoloured()
    {
        var project = await Given.ProjectAsync(Admin);
        var defaultId = await Given.DefaultMilestoneIdAsync(Admin, project.Id());

        var updated = (await Admin.Patch($"/api/v1/milestones/{defaultId}", new { title = "Inbox", color = "info" })).Data();

        Assert.Equal("Inbox", updated.Str("title"));
        Assert.Equal("uncategorised", updated.Str("type"));
    }

    [Theory]
    [InlineData("{\"status\":\"reached\"}")]
    [InlineData("{\"dueDate\":\"2026-09-01\"}")]
    [InlineData("{\"position\":3}")]
    public async Task The_default_milestone_refuses_anything_but_title_and_colour_with_409(string body)
    {
        var project = await Given.ProjectAsync(Admin);
        var defaultId = await Given.DefaultMilestoneIdAsync(Admin, project.Id());

        (await Admin.Patch($"/api/v1/milestones/{defaultId}", body)).AssertProblem(HttpStatusCode.Conflict, "renamed and recoloured");
    }

    [Fact]
    public async Task An_overdue_milestone_says_so_and_a_reached_one_does_not()
    {
        var project = await Given.ProjectAsync(Admin);
        var late = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Late", dueDate = "2026-05-01" });
        var done = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Done", dueDate = "2026-05-01", status = "reached" });

        Assert.True(late["isOverdue"]!.GetValue<bool>());
        Assert.False(done["isOverdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_unknown_milestone_is_404()
    {
        (await Admin.Get("/api/v1/milestones/987654321")).AssertProblem(HttpStatusCode.NotFound);
        (await Admin.Patch("/api/v1/milestones/987654321", new { title = "x" })).AssertProblem(HttpStatusCode.NotFound);
        (await Admin.Delete("/api/v1/milestones/987654321")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_milestone_etag_changes_when_a_task_changes_its_counters()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        var before = (await Admin.Get($"/api/v1/milestones/{milestone.Id()}")).Response.Headers.ETag!.ToString();

        await Given.TaskAsync(Admin, milestone.Id());

        var after = (await Admin.Get($"/api/v1/milestones/{milestone.Id()}")).Response.Headers.ETag!.ToString();
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Delete_with_a_stale_if_match_is_412_and_deletes_nothing()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        var result = await Admin.Delete($"/api/v1/milestones/{milestone.Id()}", r => r.Headers.TryAddWithoutValidation("If-Match", "\"stale\""));

        result.AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, (await Admin.Get($"/api/v1/milestones/{milestone.Id()}")).Status);
    }
}
