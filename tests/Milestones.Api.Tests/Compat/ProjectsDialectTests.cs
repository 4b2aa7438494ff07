using System.Net;
using System.Text.Json.Nodes;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests.Compat;

/// <summary>Seed 002 (projects) as its document shows it, at <c>/compat/projects</c>: every endpoint, field and example body.</summary>
public sealed class ProjectsDialectTests(ApiFactory factory) : ApiTestBase(factory)
{
    private const string Base = "/compat/projects/api/milestones";

    // The document's create body, aimed at a real project.
    private static string BetaLaunch(long project, string projectId = "proj_{0}") => $$"""
        {
          "projectId": "{{string.Format(System.Globalization.CultureInfo.InvariantCulture, projectId, project)}}",
          "title": "Beta Launch",
          "description": "Internal beta deployed to staging environment for QA.",
          "status": "pending",
          "dueDate": "2026-03-01T00:00:00Z"
        }
        """;

    [Fact]
    public async Task Create_milestone_with_the_documents_body_answers_201_with_prefixed_ids_and_reachedAt_null()
    {
        var project = await Given.ProjectAsync(Admin);

        var created = await Admin.Post(Base, BetaLaunch(project.Id()));

        var data = created.Data(HttpStatusCode.Created).AsObject();
        Assert.Equal(["id", "projectId", "title", "description", "status", "dueDate", "reachedAt", "createdAt"], data.Select(p => p.Key));
        Assert.Matches("^ms_[0-9]+$", data.Str("id"));
        Assert.Equal(($"proj_{project.Id()}", "Beta Launch", "pending", (string?)null), (data.Str("projectId"), data.Str("title"), data.Str("status"), data.Str("reachedAt")));
        Assert.Equal($"{Base}/{data.Str("id")}", created.Response.Headers.Location!.AbsolutePath);
        Assert.Equal(data.Json(), (await Admin.Get(created.Response.Headers.Location!.AbsolutePath)).Data().Json());
    }

    [Fact]
    public async Task Ids_are_accepted_with_or_without_their_prefix()
    {
        var project = await Given.ProjectAsync(Admin);
        var id = (await Admin.Post(Base, BetaLaunch(project.Id(), "{0}"))).Data(HttpStatusCode.Created).Str("id")!;

        var prefixed = (await Admin.Get($"{Base}/{id}")).Data();
        var bare = (await Admin.Get($"{Base}/{id["ms_".Length..]}")).Data();
        var listed = (await Admin.Get($"{Base}?projectId={project.Id()}")).Body!;

        Assert.Equal(prefixed.Json(), bare.Json());
        Assert.Equal([id], listed["data"]!.AsArray().Select(m => m.Str("id")));
    }

    [Fact]
    public async Task Update_to_reached_sets_reachedAt_once_as_the_document_describes()
    {
        var project = await Given.ProjectAsync(Admin);
        var id = (await Admin.Post(Base, BetaLaunch(project.Id()))).Data(HttpStatusCode.Created).Str("id");

        var reached = (await Admin.Patch($"{Base}/{id}", """{ "status": "reached" }""")).Data();
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = (await Admin.Patch($"{Base}/{id}", new { status = "reached", title = "Beta Launched" })).Data();

        Assert.NotNull(reached.Str("reachedAt"));
        Assert.Equal(("reached", reached.Str("reachedAt")), (again.Str("status"), again.Str("reachedAt")));
    }

    [Theory]
    [InlineData("id", "\"ms_99\"")]
    [InlineData("projectId", "\"proj_1\"")]
    [InlineData("createdAt", "\"2020-01-01T00:00:00Z\"")]
    public async Task The_immutable_fields_are_400_naming_the_field(string field, string value)
    {
        var project = await Given.ProjectAsync(Admin);
        var id = (await Admin.Post(Base, BetaLaunch(project.Id()))).Data(HttpStatusCode.Created).Str("id");

        var result = await Admin.Patch($"{Base}/{id}", $$"""{ "{{field}}": {{value}}, "title": "Renamed" }""");

        result.AssertProblem(HttpStatusCode.BadRequest, $"{field} cannot be changed");
        Assert.Equal(result.Body!["detail"]!.GetValue<string>(), result.Body["error"]!.GetValue<string>());
        Assert.Equal("Beta Launch", (await Admin.Get($"{Base}/{id}")).Data().Str("title"));
    }

    [Fact]
    public async Task List_filters_by_project_and_status_and_answers_data_and_count_across_readable_projects()
    {
        var mine = await Given.ProjectAsync(Admin);
        var open = await Given.ProjectAsync(Admin, "public");
        var (_, _, reader) = await Given.UserAsync();
        var pending = (await Admin.Post(Base, BetaLaunch(mine.Id()))).Data(HttpStatusCode.Created).Str("id");
        var visible = (await Admin.Post(Base, BetaLaunch(open.Id()))).Data(HttpStatusCode.Created).Str("id");
        (await Admin.Patch($"{Base}/{visible}", new { status = "reached" })).Data();

        var filtered = (await Admin.Get($"{Base}?projectId=proj_{mine.Id()}&status=pending")).Body!;
        var asReader = (await reader.Get($"{Base}?status=reached")).Body!;
        var anonymous = (await Factory.Anonymous().Get($"{Base}?projectId=proj_{mine.Id()}")).Body!;

        Assert.Equal([pending], filtered["data"]!.AsArray().Select(m => m.Str("id")));
        Assert.Equal(1, filtered["count"]!.GetValue<int>());
        Assert.Contains(visible, asReader["data"]!.AsArray().Select(m => m.Str("id")));
        Assert.DoesNotContain(pending, asReader["data"]!.AsArray().Select(m => m.Str("id")));
        Assert.Equal(0, anonymous["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_answers_the_documented_body_and_the_milestone_is_gone()
    {
        var project = await Given.ProjectAsync(Admin);
        var id = (await Admin.Post(Base, BetaLaunch(project.Id()))).Data(HttpStatusCode.Created).Str("id");

        var deleted = await Admin.Delete($"{Base}/{id}");

        Assert.Equal($$"""{"id":"{{id}}","deleted":true}""", deleted.Data().Json());
        (await Admin.Get($"{Base}/{id}")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, (await Admin.Get($"/api/v1/projects/{project.Id()}")).Data().Int("milestonesTotal"));
    }

    [Fact]
    public async Task A_failed_milestone_reads_failed_and_the_default_milestone_is_not_there()
    {
        var project = await Given.ProjectAsync(Admin);
        var id = (await Admin.Post(Base, BetaLaunch(project.Id()))).Data(HttpStatusCode.Created).Str("id");
        (await Admin.Patch($"/api/v1/milestones/{id!["ms_".Length..]}", new { status = "failed" })).Data();
        var bucket = await Given.DefaultMilestoneIdAsync(Admin, project.Id());

        var list = (await Admin.Get($"{Base}?projectId=proj_{project.Id()}")).Body!;

        Assert.Equal([("failed", id)], list["data"]!.AsArray().Select(m => (m.Str("status"), m.Str("id"))));
        (await Admin.Get($"{Base}/ms_{bucket}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Missing_and_unknown_ids_are_404_and_a_missing_projectId_is_named()
    {
        (await Admin.Get($"{Base}/ms_999999")).AssertProblem(HttpStatusCode.NotFound);
        (await Admin.Get($"{Base}/ms_abc")).AssertProblem(HttpStatusCode.NotFound);
        (await Admin.Patch($"{Base}/ms_999999", new { status = "reached" })).AssertProblem(HttpStatusCode.NotFound);
        (await Admin.Post(Base, new { title = "No project" })).AssertProblem(HttpStatusCode.UnprocessableEntity, "projectId is required");
    }
}
