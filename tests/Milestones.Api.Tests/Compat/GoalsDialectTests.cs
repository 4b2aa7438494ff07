using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests.Compat;

/// <summary>
/// Seed 001 (goals) as its document shows it, at <c>/compat/goals</c>: every endpoint, field, status and
/// message of the document, driven by its own curl lines with the host swapped.
/// </summary>
public sealed class GoalsDialectTests(ApiFactory factory) : ApiTestBase(factory)
{
    private const string Host = "https://api.strivejournal.com";
    private const string Base = "/compat/goals";

    private async Task<(long Goal, HttpClient Achiever)> GoalAsync()
    {
        var goal = await Given.ProjectAsync(Admin);
        var (_, username, achiever) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, goal.Id(), username, "achiever");
        return (goal.Id(), achiever);
    }

    private static string Doc(string curl, long goal, string milestone = "ms001") =>
        curl.Replace("abc123", goal.ToString(), StringComparison.Ordinal).Replace("ms001", milestone, StringComparison.Ordinal);

    private static void AssertSeedProblem((HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response) result, HttpStatusCode status, string message)
    {
        result.AssertProblem(status);
        Assert.Equal(message, result.Body!["detail"]!.GetValue<string>());
        Assert.Equal(message, result.Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_milestone_as_the_document_sends_it_answers_201_with_the_documented_object()
    {
        var (goal, achiever) = await GoalAsync();

        var created = await achiever.Run(Doc("""
            curl -X POST \
              -H "Authorization: Bearer sk_live_your_key_here" \
              -H "Content-Type: application/json" \
              -d '{"content": "Complete first 5K run", "deadline": "2026-03-31T00:00:00.000Z"}' \
              https://api.strivejournal.com/api/v1/goals/abc123/milestones
            """, goal), Host, Base);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var data = created.Body!["data"]!.AsObject();
        Assert.Equal(["id", "content", "description", "status", "order", "deadline", "subtasks", "createdAt", "updatedAt"], data.Select(p => p.Key));
        Assert.Equal(JsonValueKind.String, data["id"]!.GetValueKind());
        Assert.Equal(("Complete first 5K run", "", "pending", 0, "2026-03-31T23:59:59.999Z"),
            (data.Str("content"), data.Str("description"), data.Str("status"), data.Int("order"), data.Str("deadline")));
        Assert.Empty(data["subtasks"]!.AsArray());
        Assert.Equal(data.Str("createdAt"), data.Str("updatedAt"));
        var same = (await Admin.Get($"/api/v1/milestones/{data.Str("id")}")).Data();
        Assert.Equal((goal, "Complete first 5K run", "2026-03-31T23:59:59.999Z"), (same["projectId"]!.GetValue<long>(), same.Str("title"), same.Str("dueDate")));
    }

    [Fact]
    public async Task List_milestones_answers_every_live_milestone_of_the_goal_by_order_without_the_default_one()
    {
        var (goal, achiever) = await GoalAsync();
        var first = (await achiever.Post($"{Base}/api/v1/goals/{goal}/milestones", new { content = "Complete first 5K run" })).Body!["data"]!;
        var second = (await achiever.Post($"{Base}/api/v1/goals/{goal}/milestones", new { content = "Run a half marathon", description = "21 km", order = 0 })).Body!["data"]!;

        var list = await achiever.Run(Doc("""
            curl -H "Authorization: Bearer sk_live_your_key_here" \
              https://api.strivejournal.com/api/v1/goals/abc123/milestones
            """, goal), Host, Base);

        var data = list.Data().AsArray();
        Assert.Equal([(second.Str("id"), 0), (first.Str("id"), 1)], data.Select(m => (m.Str("id"), m.Int("order"))));
        Assert.Equal("21 km", data[0].Str("description"));
    }

    [Fact]
    public async Task Get_milestone_answers_the_milestone_and_an_unknown_one_is_404_Milestone_not_found()
    {
        var (goal, achiever) = await GoalAsync();
        var created = (await achiever.Post($"{Base}/api/v1/goals/{goal}/milestones", new { content = "Complete first 5K run", subtasks = new object[] { new { content = "Buy shoes", completed = true }, new { content = "Train" } } })).Body!["data"]!;
        var curl = """
            curl -H "Authorization: Bearer sk_live_your_key_here" \
              https://api.strivejournal.com/api/v1/goals/abc123/milestones/ms001
            """;

        var found = await achiever.Run(Doc(curl, goal, created.Str("id")!), Host, Base);
        var missing = await achiever.Run(Doc(curl, goal), Host, Base);
        var otherGoal = await achiever.Run(Doc(curl, (await Given.ProjectAsync(Admin)).Id(), created.Str("id")!), Host, Base);

        var data = found.Data();
        Assert.Equal("Complete first 5K run", data.Str("content"));
        Assert.Equal([("Buy shoes", true), ("Train", false)], data["subtasks"]!.AsArray().Select(s => (s.Str("content"), s!["completed"]!.GetValue<bool>())));
        Assert.All(data["subtasks"]!.AsArray(), s => Assert.Equal(JsonValueKind.String, s!["id"]!.GetValueKind()));
        AssertSeedProblem(missing, HttpStatusCode.NotFound, "Milestone not found");
        AssertSeedProblem(otherGoal, HttpStatusCode.NotFound, "Milestone not found");
    }

    [Fact]
    public async Task Update_milestone_to_succeeded_as_the_document_sends_it_reaches_it()
    {
        var (goal, achiever) = await GoalAsync();
        var created = (await achiever.Post($"{Base}/api/v1/goals/{goal}/milestones", new { content = "Complete first 5K run" })).Body!["data"]!;

        var updated = await achiever.Run(Doc("""
            curl -X PATCH \
              -H "Authorization: Bearer sk_live_your_key_here" \
              -H "Content-Type: application/json" \
              -d '{"status": "succeeded"}' \
              https://api.strivejournal.com/api/v1/goals/abc123/milestones/ms001
            """, goal, created.Str("id")!), Host, Base);

        Assert.Equal(("succeeded", "Complete first 5K run"), (updated.Data().Str("status"), updated.Data().Str("content")));
        var same = (await Admin.Get($"/api/v1/milestones/{created.Str("id")}")).Data();
        Assert.Equal("reached", same.Str("status"));
        Assert.Equal(1, (await Admin.Get($"/api/v1/projects/{goal}")).Data().Int("milestonesReached"));
    }

    [Fact]
    public async Task Delete_milestone_as_the_document_sends_it_soft_deletes_it_with_its_subtasks()
    {
        var (goal, _) = await GoalAsync();
        var created = (await Admin.Post($"{Base}/api/v1/goals/{goal}/milestones", new { content = "Complete first 5K run", subtasks = new[] { new { content = "Train" } } })).Body!["data"]!;

        var deleted = await Admin.Run(Doc("""
            curl -X DELETE \
              -H "Authorization: Bearer sk_live_your_key_here" \
              https://api.strivejournal.com/api/v1/goals/abc123/milestones/ms001
            """, goal, created.Str("id")!), Host, Base);

        Assert.Equal("""{"id":"ID","deleted":true}""".Replace("ID", created.Str("id"), StringComparison.Ordinal), deleted.Data().Json());
        Assert.Empty((await Admin.Get($"{Base}/api/v1/goals/{goal}/milestones")).Data().AsArray());
        var project = (await Admin.Get($"/api/v1/projects/{goal}")).Data();
        Assert.Equal((0, 0), (project.Int("milestonesTotal"), project.Int("tasksTotal")));
        Assert.NotNull((await Admin.Get($"/api/v1/milestones/{created.Str("id")}")).Data().Str("deletedAt")); // soft: the admin still sees it
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"content": 5}""")]
    [InlineData("""{"content": null}""")]
    public async Task Create_without_a_string_content_is_400_content_is_required_and_must_be_a_string(string body)
    {
        var (goal, achiever) = await GoalAsync();

        var result = await achiever.Post($"{Base}/api/v1/goals/{goal}/milestones", body);

        AssertSeedProblem(result, HttpStatusCode.BadRequest, "content is required and must be a string");
        Assert.Equal(0, (await Admin.Get($"/api/v1/projects/{goal}")).Data().Int("milestonesTotal"));
    }

    [Fact]
    public async Task Update_errors_use_the_documents_messages()
    {
        var (goal, achiever) = await GoalAsync();
        var id = (await achiever.Post($"{Base}/api/v1/goals/{goal}/milestones", new { content = "Run" })).Body!["data"].Str("id");
        var (_, stakeholderName, stakeholder) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, goal, stakeholderName, "supporter");

        var empty = await achiever.Patch($"{Base}/api/v1/goals/{goal}/milestones/{id}", new { });
        var badStatus = await achiever.Patch($"{Base}/api/v1/goals/{goal}/milestones/{id}", new { status = "done" });
        var notAllowed = await stakeholder.Patch($"{Base}/api/v1/goals/{goal}/milestones/{id}", new { status = "failed" });
        var missing = await achiever.Patch($"{Base}/api/v1/goals/{goal}/milestones/999999", new { status = "failed" });

        AssertSeedProblem(empty, HttpStatusCode.BadRequest, "No valid fields to update");
        AssertSeedProblem(badStatus, HttpStatusCode.BadRequest, "status must be one of: pending, succeeded, failed");
        AssertSeedProblem(notAllowed, HttpStatusCode.Forbidden, "Only admins and achievers can update milestones");
        AssertSeedProblem(missing, HttpStatusCode.NotFound, "Milestone not found");
        Assert.Equal("pending", (await Admin.Get($"{Base}/api/v1/goals/{goal}/milestones/{id}")).Data().Str("status"));
    }

    [Fact]
    public async Task Role_and_goal_errors_use_the_documents_messages()
    {
        var (goal, achiever) = await GoalAsync();
        var id = (await achiever.Post($"{Base}/api/v1/goals/{goal}/milestones", new { content = "Run" })).Body!["data"].Str("id");
        var (_, stakeholderName, stakeholder) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, goal, stakeholderName, "supporter");

        AssertSeedProblem(await stakeholder.Post($"{Base}/api/v1/goals/{goal}/milestones", new { content = "Mine" }), HttpStatusCode.Forbidden, "Only admins and achievers can create milestones");
        AssertSeedProblem(await achiever.Delete($"{Base}/api/v1/goals/{goal}/milestones/{id}"), HttpStatusCode.Forbidden, "Only admins can delete milestones");
        AssertSeedProblem(await achiever.Post($"{Base}/api/v1/goals/999999/milestones", new { content = "Lost" }), HttpStatusCode.NotFound, "Goal not found");
        AssertSeedProblem(await achiever.Post($"{Base}/api/v1/goals/abc123/milestones", new { content = "Lost" }), HttpStatusCode.NotFound, "Goal not found");
    }

    [Fact]
    public async Task A_goal_the_caller_cannot_read_is_404_not_the_seeds_403()
    {
        var (goal, _) = await GoalAsync();
        var (_, _, outsider) = await Given.UserAsync();

        var result = await outsider.Get($"{Base}/api/v1/goals/{goal}/milestones");

        AssertSeedProblem(result, HttpStatusCode.NotFound, "Goal not found");
    }

    [Fact]
    public async Task In_progress_reads_as_pending_and_order_and_deadline_and_subtasks_round_trip()
    {
        var (goal, achiever) = await GoalAsync();
        var a = (await achiever.Post($"{Base}/api/v1/goals/{goal}/milestones", new { content = "A" })).Body!["data"].Str("id");
        var b = (await achiever.Post($"{Base}/api/v1/goals/{goal}/milestones", new { content = "B", deadline = "2027-01-05", subtasks = new[] { new { content = "one" } } })).Body!["data"].Str("id");
        (await Admin.Patch($"/api/v1/milestones/{a}", new { status = "in_progress" })).Data();

        var moved = (await achiever.Patch($"{Base}/api/v1/goals/{goal}/milestones/{b}", new { order = 0, deadline = (string?)null })).Data();
        var list = (await achiever.Get($"{Base}/api/v1/goals/{goal}/milestones")).Data().AsArray();

        Assert.Equal((0, (string?)null), (moved.Int("order"), moved.Str("deadline")));
        Assert.Equal([(b, 0, "pending"), (a, 1, "pending")], list.Select(m => (m.Str("id"), m.Int("order"), m.Str("status"))));
        Assert.Equal(["one"], list[0]!["subtasks"]!.AsArray().Select(s => s.Str("content")));
        Assert.Equal(1, (await Admin.Get($"/api/v1/milestones/{b}")).Data().Int("tasksTotal"));
    }

    [Fact]
    public async Task Unknown_properties_and_parameters_are_400_naming_them()
    {
        var (goal, achiever) = await GoalAsync();

        var property = await achiever.Post($"{Base}/api/v1/goals/{goal}/milestones", new { content = "Run", colour = "red" });
        var parameter = await achiever.Get($"{Base}/api/v1/goals/{goal}/milestones?limit=5");

        property.AssertProblem(HttpStatusCode.BadRequest, "colour");
        parameter.AssertProblem(HttpStatusCode.BadRequest, "limit");
        Assert.Empty((await achiever.Get($"{Base}/api/v1/goals/{goal}/milestones")).Data().AsArray());
    }

    [Fact]
    public async Task Update_with_subtasks_sets_the_whole_list_and_the_counters_follow()
    {
        var (goal, achiever) = await GoalAsync();
        var created = (await achiever.Post($"{Base}/api/v1/goals/{goal}/milestones", new { content = "Run", subtasks = new[] { new { content = "Shoes" }, new { content = "Plan" }, new { content = "Gone" } } })).Body!["data"]!;
        var (shoes, plan) = (created["subtasks"]![0].Str("id"), created["subtasks"]![1].Str("id"));

        var updated = await achiever.Patch($"{Base}/api/v1/goals/{goal}/milestones/{created.Str("id")}", new
        {
            subtasks = new object[] { new { id = shoes, content = "Shoes", completed = true }, new { id = plan, content = "Training plan" }, new { content = "Stretch" } },
        });
        var unknown = await achiever.Patch($"{Base}/api/v1/goals/{goal}/milestones/{created.Str("id")}", new { subtasks = new[] { new { id = "999999", content = "Not mine" } } });

        Assert.Equal([("Shoes", true), ("Training plan", false), ("Stretch", false)],
            updated.Data()["subtasks"]!.AsArray().Select(t => (t.Str("content"), t!["completed"]!.GetValue<bool>())));
        var v1 = (await Admin.Get($"/api/v1/milestones/{created.Str("id")}")).Data();
        Assert.Equal((3, 1), (v1.Int("tasksTotal"), v1.Int("tasksCompleted")));
        unknown.AssertProblem(HttpStatusCode.BadRequest, "not tasks of this milestone".Replace("tasks", "subtasks", StringComparison.Ordinal));
        Assert.Equal(3, (await Admin.Get($"/api/v1/milestones/{created.Str("id")}")).Data().Int("tasksTotal"));
        Assert.Empty((await Admin.Post($"/api/v1/projects/{goal}/recount")).Data()["fixed"]!.AsArray());
    }
}
