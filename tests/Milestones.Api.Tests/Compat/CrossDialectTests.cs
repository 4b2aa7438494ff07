using System.Net;
using System.Text.Json.Nodes;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests.Compat;

/// <summary>
/// SPEC 10's promise across the four dialects: one milestone, whichever API made it; the same side effects
/// (counters, activity, webhooks, idempotency); and SPEC 4's access rules in every dialect.
/// </summary>
public sealed class CrossDialectTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new(null, new Dictionary<string, string> { ["Milestones:Webhooks:AllowPrivateNetworks"] = "true" });
    private WebhookReceiver _receiver = null!;

    private Scenario Given => new(_factory);

    private HttpClient Admin => Given.Admin;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _factory.Dispose();
    }

    // Creates a milestone titled `title` in `project` through the named dialect; our id.
    private async Task<long> CreateThroughAsync(string dialect, HttpClient client, long project, string title)
    {
        var result = dialect switch
        {
            "goals" => await client.Post($"/compat/goals/api/v1/goals/{project}/milestones", new { content = title }),
            "projects" => await client.Post("/compat/projects/api/milestones", new { projectId = $"proj_{project}", title }),
            "buckets" => await client.Post("/compat/buckets/api/milestones", new { milestone_projectid = project, milestone_title = title, milestone_color = "success" }),
            _ => await client.Post($"/api/v1/projects/{project}/milestones", new { title }),
        };
        Assert.True(result.Status == HttpStatusCode.Created, $"{dialect}: {(int)result.Status} {result.Body.Json()}");
        var id = result.Body!["data"]!["id"]!;
        return long.Parse(id.GetValue<object>().ToString()!.Replace("ms_", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("goals")]
    [InlineData("projects")]
    [InlineData("buckets")]
    [InlineData("api")]
    public async Task A_milestone_made_in_one_dialect_reads_the_same_in_api_v1_and_every_other_dialect(string maker)
    {
        var project = (await Admin.Post("/api/v1/projects", new { name = Scenario.Unique("shared") })).Data(HttpStatusCode.Created).Id();
        var id = await CreateThroughAsync(maker, Admin, project, "Shared facts");
        (await Admin.Patch($"/api/v1/milestones/{id}", new { status = "reached", dueDate = "2027-02-01" })).Data();

        var v1 = (await Admin.Get($"/api/v1/milestones/{id}")).Data();
        var goals = (await Admin.Get($"/compat/goals/api/v1/goals/{project}/milestones/{id}")).Data();
        var projects = (await Admin.Get($"/compat/projects/api/milestones/ms_{id}")).Data();
        var buckets = (await Admin.Get($"/compat/buckets/api/milestones/{id}")).Data();

        Assert.Equal("Shared facts", v1.Str("title"));
        Assert.Equal((v1.Str("title"), "succeeded", v1.Int("position") - 1, v1.Str("dueDate"), v1.Str("createdAt")),
            (goals.Str("content"), goals.Str("status"), goals.Int("order"), goals.Str("deadline"), goals.Str("createdAt")));
        Assert.Equal((v1.Str("title"), "reached", v1.Str("reachedAt"), v1.Str("dueDate"), $"proj_{project}"),
            (projects.Str("title"), projects.Str("status"), projects.Str("reachedAt"), projects.Str("dueDate"), projects.Str("projectId")));
        Assert.Equal((v1.Str("title"), v1.Int("position"), v1.Str("color"), v1.Int("tasksTotal"), v1["createdById"]!.GetValue<long>()),
            (buckets.Str("title"), buckets.Int("position"), buckets.Str("color"), buckets.Int("tasks_count"), buckets["creator_id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_milestone_added_through_the_artist_dialect_is_an_api_v1_milestone_and_every_dialect_lists_it()
    {
        var (userId, _, artist) = await Given.UserAsync();

        var added = (await artist.Post("/compat/artist/v1/milestones/add", new { goal = 250, description = "An album" })).Body!["milestone"]!;
        var v1 = (await artist.Get($"/api/v1/milestones/{added.Id()}")).Data();
        var project = v1["projectId"]!.GetValue<long>();

        Assert.Equal(("An album", 250m, userId), (v1.Str("title"), v1["goalAmount"]!.GetValue<decimal>(), v1["createdById"]!.GetValue<long>()));
        Assert.Contains(added.Id().ToString(), (await artist.Get($"/compat/goals/api/v1/goals/{project}/milestones")).Data().AsArray().Select(m => m.Str("id")));
        Assert.Contains($"ms_{added.Id()}", (await artist.Get($"/compat/projects/api/milestones?projectId={project}")).Body!["data"]!.AsArray().Select(m => m.Str("id")));
        Assert.Contains(added.Id(), (await artist.Get($"/compat/buckets/api/milestones?project_id={project}")).Body!["data"]!.AsArray().Select(m => m.Id()));
    }

    [Fact]
    public async Task Writes_in_every_dialect_move_counters_log_events_and_trigger_webhooks_as_api_v1_does()
    {
        var project = (await Admin.Post("/api/v1/projects", new { name = Scenario.Unique("hooked") })).Data(HttpStatusCode.Created).Id();
        (await Admin.Post($"/api/v1/projects/{project}/webhooks", new { url = _receiver.Url(), events = new[] { "milestone.*" } })).Data(HttpStatusCode.Created);

        var ids = new List<long>();
        foreach (var dialect in new[] { "goals", "projects", "buckets" })
        {
            ids.Add(await CreateThroughAsync(dialect, Admin, project, $"Made in {dialect}"));
        }

        (await Admin.Patch($"/compat/goals/api/v1/goals/{project}/milestones/{ids[0]}", new { status = "succeeded" })).Data();
        (await Admin.Delete($"/compat/projects/api/milestones/ms_{ids[1]}")).Data();

        var counters = (await Admin.Get($"/api/v1/projects/{project}")).Data();
        Assert.Equal((2, 1), (counters.Int("milestonesTotal"), counters.Int("milestonesReached")));
        var events = (await Admin.Get($"/api/v1/projects/{project}/events?limit=100")).Data().AsArray().Select(e => e.Str("type")).ToList();
        Assert.Equal(3, events.Count(t => t == "milestone.created"));
        Assert.Contains("milestone.status_changed", events);
        Assert.Contains("milestone.deleted", events);
        var received = await _receiver.WaitForAsync(events.Count(t => t!.StartsWith("milestone.", StringComparison.Ordinal)), TimeSpan.FromSeconds(20));
        Assert.Equal(3, received.Count(r => r.Event == "milestone.created"));
        Assert.Empty((await Admin.Post($"/api/v1/projects/{project}/recount")).Data()["fixed"]!.AsArray());
    }

    [Fact]
    public async Task An_Idempotency_Key_replays_a_dialects_create_instead_of_making_a_second_milestone()
    {
        var project = (await Admin.Post("/api/v1/projects", new { name = Scenario.Unique("once") })).Data(HttpStatusCode.Created).Id();
        var key = Guid.NewGuid().ToString();

        async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Send() =>
            await Admin.Send(HttpMethod.Post, $"/compat/goals/api/v1/goals/{project}/milestones", new { content = "Once" }, r => r.Headers.Add("Idempotency-Key", key));

        var first = await Send();
        var again = await Send();

        Assert.Equal(first.Body.Json(), again.Body.Json());
        Assert.Equal("true", again.Response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, (await Admin.Get($"/api/v1/projects/{project}")).Data().Int("milestonesTotal"));
    }

    [Fact]
    public async Task Every_dialect_keeps_SPEC_4_a_private_project_is_404_a_read_only_key_403_and_no_key_401()
    {
        var project = (await Admin.Post("/api/v1/projects", new { name = Scenario.Unique("private") })).Data(HttpStatusCode.Created).Id();
        var milestone = await CreateThroughAsync("api", Admin, project, "Secret");
        var (_, _, outsider) = await Given.UserAsync();
        var (_, readerName, reader) = await Given.UserAsync("milestones:read");
        await Given.AddMemberAsync(Admin, project, readerName, "admin");
        var anonymous = _factory.Anonymous();

        var hidden = new[]
        {
            await outsider.Get($"/compat/goals/api/v1/goals/{project}/milestones"),
            await outsider.Get($"/compat/projects/api/milestones/ms_{milestone}"),
            await outsider.Get($"/compat/buckets/api/milestones?project_id={project}"),
            await outsider.Get($"/compat/buckets/api/milestones/{milestone}"),
            await outsider.Delete($"/compat/artist/v1/milestones/{milestone}"),
            await outsider.Patch($"/compat/projects/api/milestones/{milestone}", new { title = "Mine" }),
        };
        var readOnly = new[]
        {
            await reader.Post($"/compat/goals/api/v1/goals/{project}/milestones", new { content = "No" }),
            await reader.Post("/compat/projects/api/milestones", new { projectId = $"{project}", title = "No" }),
            await reader.Post("/compat/buckets/api/milestones", new { milestone_projectid = project, milestone_title = "No", milestone_color = "info" }),
            await reader.Post("/compat/artist/v1/milestones/add", new { goal = 1 }),
        };
        var noKey = new[]
        {
            await anonymous.Post($"/compat/goals/api/v1/goals/{project}/milestones", new { content = "No" }),
            await anonymous.Post("/compat/artist/v1/milestones/add", new { goal = 1 }),
            await anonymous.Delete($"/compat/buckets/api/milestones/{milestone}"),
        };

        Assert.All(hidden, r => r.AssertProblem(HttpStatusCode.NotFound));
        Assert.All(readOnly, r => r.AssertProblem(HttpStatusCode.Forbidden, "milestones:write"));
        Assert.All(noKey, r => r.AssertProblem(HttpStatusCode.Unauthorized));
        Assert.All(hidden.Concat(readOnly).Concat(noKey), r => Assert.Equal(r.Body!["detail"]!.GetValue<string>(), r.Body["error"]!.GetValue<string>()));
        Assert.Equal(1, (await Admin.Get($"/api/v1/projects/{project}")).Data().Int("milestonesTotal"));
    }

    [Theory]
    [InlineData("artist")]
    [InlineData("goals")]
    [InlineData("projects")]
    [InlineData("buckets")]
    public async Task Each_dialect_has_its_own_OpenAPI_document_with_only_its_paths(string dialect)
    {
        var document = JsonNode.Parse(await _factory.Anonymous().GetStringAsync($"/openapi/compat-{dialect}.json"))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.StartsWith($"/compat/{dialect}/", p, StringComparison.Ordinal));
        Assert.Equal("3.0.4", document["openapi"]!.GetValue<string>()[..5]);
        var main = JsonNode.Parse(await _factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        Assert.DoesNotContain(main["paths"]!.AsObject(), p => p.Key.StartsWith("/compat/", StringComparison.Ordinal));
    }
}
