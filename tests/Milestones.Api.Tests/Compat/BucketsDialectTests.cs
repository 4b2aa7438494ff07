using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests.Compat;

/// <summary>
/// Seed 003 (buckets) as its document shows it, at <c>/compat/buckets</c>: its curl lines (form bodies,
/// <c>milestones[]</c> arrays, <c>-G</c> queries) with the host swapped, every field and error status.
/// </summary>
public sealed class BucketsDialectTests(ApiFactory factory) : ApiTestBase(factory)
{
    private const string Host = "https://your-domain";
    private const string Base = "/compat/buckets";

    // The document's ids swapped for ours in one pass (so an id of ours never gets swapped again).
    private static string Doc(string curl, params (string Seed, object Ours)[] ids) =>
        System.Text.RegularExpressions.Regex.Replace(curl, @"(?<![0-9])[0-9]+(?![0-9])", m => ids.FirstOrDefault(i => i.Seed == m.Value) is { Seed: not null } id ? id.Ours.ToString()! : m.Value);

    private async Task<JsonNode> CreateAsync(long project, string title, string color = "success") =>
        (await Admin.Run(Doc($"""curl -X POST https://your-domain/api/milestones -H "Authorization: Bearer YOUR_API_KEY" -d milestone_projectid=159 -d milestone_title="{title}" -d milestone_color={color}""", ("159", project)), Host, Base))
            .Data(HttpStatusCode.Created);

    private static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Form(HttpClient client, HttpMethod method, string url, string form)
    {
        return client.Send(method, url, null, r => r.Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
    }

    [Fact]
    public async Task Create_a_milestone_as_the_documents_curl_sends_it_answers_201_with_the_milestone_object()
    {
        var project = await Given.ProjectAsync(Admin);

        var created = await Admin.Run(Doc("""
            curl -X POST https://your-domain/api/milestones -H "Authorization: Bearer YOUR_API_KEY" \
              -d milestone_projectid=159 -d milestone_title="Phase 1" -d milestone_color=success
            """, ("159", project.Id())), Host, Base);

        var data = created.Data(HttpStatusCode.Created).AsObject();
        Assert.Equal(["id", "title", "project_id", "type", "color", "position", "creator_id", "tasks_count", "dates"], data.Select(p => p.Key));
        Assert.Equal(("Phase 1", project.Id(), "categorised", "success", 1, 0), (data.Str("title"), data["project_id"]!.GetValue<long>(), data.Str("type"), data.Str("color"), data.Int("position"), data.Int("tasks_count")));
        Assert.Equal(["created", "updated"], data["dates"]!.AsObject().Select(p => p.Key));
        Assert.Equal(data.Json(), (await Admin.Get(created.Response.Headers.Location!.AbsolutePath)).Data().Json());
    }

    [Fact]
    public async Task List_milestones_as_the_documents_curl_sends_it_includes_the_default_milestone()
    {
        var project = await Given.ProjectAsync(Admin);
        var phase = await CreateAsync(project.Id(), "Phase 1");

        var list = await Admin.Run(Doc("""curl -G https://your-domain/api/milestones -H "Authorization: Bearer YOUR_API_KEY" -d project_id=159""", ("159", project.Id())), Host, Base);

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(["data", "count", "limit", "page"], list.Body!.AsObject().Select(p => p.Key));
        Assert.Equal([("uncategorised", 0), ("categorised", 1)], list.Body["data"]!.AsArray().Select(m => (m.Str("type"), m.Int("position"))));
        Assert.Equal(phase.Id(), list.Body["data"]![1].Id());
        Assert.Equal((2, 20, 1), (list.Body.Int("count"), list.Body.Int("limit"), list.Body.Int("page")));
    }

    [Fact]
    public async Task The_list_takes_type_search_sort_order_limit_and_page()
    {
        var project = await Given.ProjectAsync(Admin);
        foreach (var title in new[] { "Beta", "Alpha", "Gamma" })
        {
            await CreateAsync(project.Id(), title);
        }

        var sorted = (await Admin.Get($"{Base}/api/milestones?project_id={project.Id()}&type=categorised&sort=milestone_title&order=desc&limit=2&page=2")).Body!;
        var searched = (await Admin.Get($"{Base}/api/milestones?project_id={project.Id()}&search=amm")).Body!;

        Assert.Equal(["Alpha"], sorted["data"]!.AsArray().Select(m => m.Str("title")));
        Assert.Equal((3, 2, 2), (sorted.Int("count"), sorted.Int("limit"), sorted.Int("page")));
        Assert.Equal(["Gamma"], searched["data"]!.AsArray().Select(m => m.Str("title")));
    }

    [Fact]
    public async Task Reorder_milestones_as_the_documents_curl_sends_them_sets_positions_1_to_N()
    {
        var project = await Given.ProjectAsync(Admin);
        var (a, b, c) = (await CreateAsync(project.Id(), "A"), await CreateAsync(project.Id(), "B"), await CreateAsync(project.Id(), "C"));

        var reordered = await Admin.Run(Doc("""
            curl -X PUT https://your-domain/api/milestones/positions -H "Authorization: Bearer YOUR_API_KEY" \
              -d "milestones[]=12" -d "milestones[]=10" -d "milestones[]=15"
            """, ("12", b.Id()), ("10", c.Id()), ("15", a.Id())), Host, Base);

        Assert.Equal(HttpStatusCode.OK, reordered.Status);
        var list = (await Admin.Get($"{Base}/api/milestones?project_id={project.Id()}&type=categorised")).Body!["data"]!.AsArray();
        Assert.Equal([(b.Id(), 1), (c.Id(), 2), (a.Id(), 3)], list.Select(m => (m.Id(), m.Int("position"))));
    }

    [Fact]
    public async Task Update_needs_both_the_title_and_the_colour()
    {
        var project = await Given.ProjectAsync(Admin);
        var phase = await CreateAsync(project.Id(), "Phase 1");

        var titleOnly = await Form(Admin, HttpMethod.Patch, $"{Base}/api/milestones/{phase.Id()}", "milestone_title=Phase+One");
        var both = await Form(Admin, HttpMethod.Patch, $"{Base}/api/milestones/{phase.Id()}", "milestone_title=Phase+One&milestone_color=danger");
        var asJson = await Admin.Patch($"{Base}/api/milestones/{phase.Id()}", new { milestone_title = "Phase I", milestone_color = "warning" });
        var project_ = await Form(Admin, HttpMethod.Patch, $"{Base}/api/milestones/{phase.Id()}", "milestone_title=X&milestone_color=danger&milestone_projectid=1");

        titleOnly.AssertProblem(HttpStatusCode.UnprocessableEntity, "milestone_color is required");
        Assert.Equal(("Phase One", "danger"), (both.Data().Str("title"), both.Data().Str("color")));
        Assert.Equal(("Phase I", "warning"), (asJson.Data().Str("title"), asJson.Data().Str("color")));
        project_.AssertProblem(HttpStatusCode.BadRequest, "milestone_projectid");
    }

    [Fact]
    public async Task Delete_reassigns_tasks_to_the_default_milestone_or_deletes_them_with_delete_tasks_yes()
    {
        var project = await Given.ProjectAsync(Admin);
        var (kept, dropped) = (await CreateAsync(project.Id(), "Kept"), await CreateAsync(project.Id(), "Dropped"));
        await Given.TaskAsync(Admin, kept.Id());
        await Given.TaskAsync(Admin, dropped.Id());
        var bucket = await Given.DefaultMilestoneIdAsync(Admin, project.Id());

        var reassigned = await Admin.Delete($"{Base}/api/milestones/{kept.Id()}");
        var deleted = await Form(Admin, HttpMethod.Delete, $"{Base}/api/milestones/{dropped.Id()}", "delete_tasks=yes");
        var theDefault = await Admin.Delete($"{Base}/api/milestones/{bucket}");

        Assert.Equal(("reassigned", 1), (reassigned.Data().Str("tasks"), reassigned.Data().Int("count")));
        Assert.Equal(("deleted", 1), (deleted.Data().Str("tasks"), deleted.Data().Int("count")));
        theDefault.AssertProblem(HttpStatusCode.Conflict, "default milestone");
        Assert.Equal(1, (await Admin.Get($"{Base}/api/milestones/{bucket}")).Data().Int("tasks_count"));
    }

    [Fact]
    public async Task Validation_is_422_and_a_duplicate_title_is_409_as_the_document_lists()
    {
        var project = await Given.ProjectAsync(Admin);
        await CreateAsync(project.Id(), "Phase 1");

        var noProjectId = await Admin.Get($"{Base}/api/milestones");
        var missing = await Form(Admin, HttpMethod.Post, $"{Base}/api/milestones", $"milestone_projectid={project.Id()}&milestone_color=success");
        var badColour = await Form(Admin, HttpMethod.Post, $"{Base}/api/milestones", $"milestone_projectid={project.Id()}&milestone_title=X&milestone_color=mauve");
        var badProject = await Form(Admin, HttpMethod.Post, $"{Base}/api/milestones", "milestone_projectid=abc&milestone_title=X&milestone_color=success");
        var duplicate = await Form(Admin, HttpMethod.Post, $"{Base}/api/milestones", $"milestone_projectid={project.Id()}&milestone_title=phase+1&milestone_color=success");
        var emptyOrder = await Form(Admin, HttpMethod.Put, $"{Base}/api/milestones/positions", "");

        noProjectId.AssertProblem(HttpStatusCode.UnprocessableEntity, "project_id is required");
        missing.AssertProblem(HttpStatusCode.UnprocessableEntity, "milestone_title is required");
        badColour.AssertProblem(HttpStatusCode.UnprocessableEntity, "milestone_color must be one of");
        badProject.AssertProblem(HttpStatusCode.UnprocessableEntity, "milestone_projectid");
        duplicate.AssertProblem(HttpStatusCode.Conflict, "already exists");
        emptyOrder.AssertProblem(HttpStatusCode.UnprocessableEntity, "milestones[]");
        Assert.Equal(1, (await Admin.Get($"/api/v1/projects/{project.Id()}")).Data().Int("milestonesTotal"));
        Assert.Equal(duplicate.Body!["detail"]!.GetValue<string>(), duplicate.Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_form_fields_and_query_parameters_are_400_naming_them_and_forms_are_the_buckets_dialects_only()
    {
        var project = await Given.ProjectAsync(Admin);

        var field = await Form(Admin, HttpMethod.Post, $"{Base}/api/milestones", $"milestone_projectid={project.Id()}&milestone_title=X&milestone_color=success&milestone_colour=red");
        var repeated = await Form(Admin, HttpMethod.Post, $"{Base}/api/milestones", $"milestone_projectid={project.Id()}&milestone_title=X&milestone_title=Y&milestone_color=success");
        var parameter = await Admin.Get($"{Base}/api/milestones?project_id={project.Id()}&projectId=1");
        var elsewhere = await Form(Admin, HttpMethod.Post, $"/api/v1/projects/{project.Id()}/milestones", "title=X");

        field.AssertProblem(HttpStatusCode.BadRequest, "milestone_colour");
        repeated.AssertProblem(HttpStatusCode.BadRequest, "milestone_title");
        parameter.AssertProblem(HttpStatusCode.BadRequest, "projectId");
        elsewhere.AssertProblem(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, (await Admin.Get($"/api/v1/projects/{project.Id()}")).Data().Int("milestonesTotal"));
    }
}
