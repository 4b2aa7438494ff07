using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

public sealed class MilestoneListTests(ApiFactory factory) : ApiTestBase(factory)
{
    private async Task<long> ProjectWithMilestonesAsync(params object[] milestones)
    {
        var project = await Given.ProjectAsync(Admin);
        foreach (var m in milestones)
        {
            await Given.MilestoneAsync(Admin, project.Id(), m);
        }

        return project.Id();
    }

    private async Task<List<string?>> TitlesAsync(string url) =>
        (await Admin.Get(url)).Data().AsArray().Select(m => m!.Str("title")).ToList();

    [Fact]
    public async Task The_list_is_ordered_by_position_with_count_limit_and_offset()
    {
        var id = await ProjectWithMilestonesAsync(new { title = "b", position = 1 }, new { title = "a", position = 1 });

        var result = await Admin.Get($"/api/v1/projects/{id}/milestones");

        Assert.Equal(["Uncategorised", "a", "b"], result.Data().AsArray().Select(m => m!.Str("title")));
        Assert.Equal(3, result.Body!.Int("count"));
        Assert.Equal(20, result.Body!.Int("limit"));
        Assert.Equal(0, result.Body!.Int("offset"));
    }

    [Fact]
    public async Task Every_page_by_offset_is_the_same_slice_of_the_whole_list_after_moves_deletes_and_restores()
    {
        // Arrange: positions disturbed every way the service allows (the page seeks by position).
        var id = await ProjectWithMilestonesAsync(Enumerable.Range(1, 11).Select(i => (object)new { title = $"m{i:00}" }).ToArray());
        var all = (await Admin.Get($"/api/v1/projects/{id}/milestones?limit=100")).Data().AsArray().Select(m => m!.Id()).ToList();
        await Admin.Patch($"/api/v1/milestones/{all[9]}", new { position = 2 });
        await Admin.Delete($"/api/v1/milestones/{all[3]}");
        await Admin.Delete($"/api/v1/milestones/{all[6]}");
        await Admin.Post($"/api/v1/milestones/{all[3]}/restore");
        await Given.MilestoneAsync(Admin, id, new { title = "inserted", position = 4 });

        foreach (var order in new[] { "asc", "desc" })
        {
            var whole = await TitlesAsync($"/api/v1/projects/{id}/milestones?limit=100&order={order}");

            // Act
            var pages = new List<string?>();
            for (var offset = 0; offset < whole.Count + 3; offset += 3)
            {
                pages.AddRange(await TitlesAsync($"/api/v1/projects/{id}/milestones?limit=3&offset={offset}&order={order}"));
            }

            // Assert
            Assert.Equal(12, whole.Count); // the default, 11, two deleted, one restored, one inserted
            Assert.Equal(whole, pages);
            Assert.Equal(whole.Skip(7).Take(2), await TitlesAsync($"/api/v1/projects/{id}/milestones?limit=2&offset=7&order={order}"));
        }
    }

    [Fact]
    public async Task Status_filters_by_a_comma_list()
    {
        var id = await ProjectWithMilestonesAsync(new { title = "p" }, new { title = "r", status = "reached" }, new { title = "f", status = "failed" });

        Assert.Equal(["r", "f"], await TitlesAsync($"/api/v1/projects/{id}/milestones?status=reached,failed"));
    }

    [Fact]
    public async Task A_status_filters_count_is_every_milestone_it_selects_after_status_changes_deletes_and_restores()
    {
        // Arrange: statuses changed both ways, a reached milestone deleted, a failed one deleted and restored.
        var id = await ProjectWithMilestonesAsync(
            new { title = "p1" }, new { title = "r1", status = "reached" }, new { title = "r2", status = "reached" },
            new { title = "i1", status = "in_progress" }, new { title = "f1", status = "failed" }, new { title = "p2" });
        var ids = (await Admin.Get($"/api/v1/projects/{id}/milestones?limit=100")).Data().AsArray().ToDictionary(m => m!.Str("title")!, m => m!.Id());
        await Admin.Patch($"/api/v1/milestones/{ids["p1"]}", new { status = "reached" });
        await Admin.Patch($"/api/v1/milestones/{ids["r1"]}", new { status = "pending" });
        await Admin.Delete($"/api/v1/milestones/{ids["r2"]}");
        await Admin.Delete($"/api/v1/milestones/{ids["f1"]}");
        await Admin.Post($"/api/v1/milestones/{ids["f1"]}/restore");

        foreach (var (statuses, expected) in new[]
        {
            ("reached", new[] { "p1" }),
            ("pending,in_progress,failed", ["Uncategorised", "r1", "i1", "p2", "f1"]), // a restored milestone comes back last
            ("failed,reached,pending,in_progress,reached", ["Uncategorised", "p1", "r1", "i1", "p2", "f1"]),
            ("pending", ["Uncategorised", "r1", "p2"]),
            ("in_progress,failed", ["i1", "f1"]),
        })
        {
            // Act
            var all = await TitlesAsync($"/api/v1/projects/{id}/milestones?status={statuses}&limit=100");
            var first = await Admin.Get($"/api/v1/projects/{id}/milestones?status={statuses}&limit=1");

            // Assert
            Assert.Equal(expected, all);
            Assert.True(expected.Length == first.Body!.Int("count"), $"status={statuses}: count {first.Body!.Int("count")}, expected {expected.Length}");
        }
    }

    [Theory]
    [InlineData(3, 0, "a1,a2,a3")] // a full page: counted
    [InlineData(3, 3, "a4,a5")] // the last page, partly full: its total is its offset and its items
    [InlineData(3, 5, "")] // just past the end: counted
    [InlineData(3, 9, "")]
    [InlineData(10, 0, "a1,a2,a3,a4,a5")]
    public async Task A_filtered_lists_count_is_every_match_on_any_page_and_past_the_end(int limit, int offset, string titles)
    {
        // Arrange: five matches among other milestones.
        var id = await ProjectWithMilestonesAsync(
            new { title = "a1", status = "failed" }, new { title = "b1" }, new { title = "a2", status = "failed" }, new { title = "a3", status = "failed" },
            new { title = "a4", status = "failed" }, new { title = "b2", status = "reached" }, new { title = "a5", status = "failed" });

        // Act
        var page = await Admin.Get($"/api/v1/projects/{id}/milestones?status=failed&limit={limit}&offset={offset}");

        // Assert
        Assert.Equal(titles.Split(',', StringSplitOptions.RemoveEmptyEntries), page.Data().AsArray().Select(m => m!.Str("title")));
        Assert.Equal(5, page.Body!.Int("count"));
    }

    [Fact]
    public async Task Type_filters_categorised_from_the_default()
    {
        var id = await ProjectWithMilestonesAsync(new { title = "c" });

        Assert.Equal(["c"], await TitlesAsync($"/api/v1/projects/{id}/milestones?type=categorised"));
        Assert.Equal(["Uncategorised"], await TitlesAsync($"/api/v1/projects/{id}/milestones?type=uncategorised"));
    }

    [Fact]
    public async Task Search_matches_title_or_description_case_insensitively()
    {
        var id = await ProjectWithMilestonesAsync(new { title = "Alpha release" }, new { title = "Other", description = "the ALPHA docs" }, new { title = "Beta" });

        Assert.Equal(["Alpha release", "Other"], await TitlesAsync($"/api/v1/projects/{id}/milestones?search=alpha"));
    }

    [Fact]
    public async Task Percent_and_underscore_in_search_are_literal()
    {
        var id = await ProjectWithMilestonesAsync(new { title = "100% done" }, new { title = "1000 done" }, new { title = "a_b" }, new { title = "axb" });

        Assert.Equal(["100% done"], await TitlesAsync($"/api/v1/projects/{id}/milestones?search=0%25"));
        Assert.Equal(["a_b"], await TitlesAsync($"/api/v1/projects/{id}/milestones?search=a_b"));
    }

    [Fact]
    public async Task Overdue_filters_open_milestones_whose_due_date_passed()
    {
        var id = await ProjectWithMilestonesAsync(
            new { title = "late", dueDate = "2026-05-01" },
            new { title = "late but done", dueDate = "2026-05-01", status = "reached" },
            new { title = "future", dueDate = "2026-07-01" });

        Assert.Equal(["late"], await TitlesAsync($"/api/v1/projects/{id}/milestones?overdue=true"));
        Assert.Equal(["Uncategorised", "late but done", "future"], await TitlesAsync($"/api/v1/projects/{id}/milestones?overdue=false"));
    }

    [Fact]
    public async Task Due_before_and_due_after_bound_the_due_date()
    {
        var id = await ProjectWithMilestonesAsync(
            new { title = "may", dueDate = "2026-05-10" },
            new { title = "june", dueDate = "2026-06-10" },
            new { title = "july", dueDate = "2026-07-10" });

        Assert.Equal(["june"], await TitlesAsync($"/api/v1/projects/{id}/milestones?dueAfter=2026-06-01T00:00:00Z&dueBefore=2026-07-01T00:00:00Z"));
    }

    [Theory]
    [InlineData("title", "asc", "a,b,c,Uncategorised")]
    [InlineData("title", "desc", "Uncategorised,c,b,a")]
    [InlineData("position", "desc", "a,c,b,Uncategorised")]
    [InlineData("dueDate", "desc", "c,b,a,Uncategorised")]
    [InlineData("dueDate", "asc", "a,b,c,Uncategorised")]
    public async Task Sort_and_order_change_the_order(string sort, string order, string expected)
    {
        var id = await ProjectWithMilestonesAsync(
            new { title = "b", position = 1, dueDate = "2026-08-02" },
            new { title = "c", position = 2, dueDate = "2026-08-03" },
            new { title = "a", position = 3, dueDate = "2026-08-01" });

        Assert.Equal(expected.Split(','), await TitlesAsync($"/api/v1/projects/{id}/milestones?sort={sort}&order={order}"));
    }

    [Fact]
    public async Task Limit_offset_and_page_select_a_window_and_count_stays_the_total()
    {
        var id = await ProjectWithMilestonesAsync(new { title = "1" }, new { title = "2" }, new { title = "3" }, new { title = "4" });

        var byOffset = await Admin.Get($"/api/v1/projects/{id}/milestones?limit=2&offset=2");
        var byPage = await Admin.Get($"/api/v1/projects/{id}/milestones?limit=2&page=2");

        Assert.Equal(["2", "3"], byOffset.Data().AsArray().Select(m => m!.Str("title")));
        Assert.Equal(["2", "3"], byPage.Data().AsArray().Select(m => m!.Str("title")));
        Assert.Equal(5, byOffset.Body!.Int("count"));
        Assert.Equal(2, byPage.Body!.Int("offset"));
    }

    [Theory]
    [InlineData("status=done", "status", "pending, in_progress, reached, failed")]
    [InlineData("type=other", "type", "categorised, uncategorised")]
    [InlineData("sort=colour", "sort", "position, title, createdAt, updatedAt, dueDate")]
    [InlineData("order=up", "order", "asc, desc")]
    [InlineData("limit=0", "limit", "between 1 and 100")]
    [InlineData("limit=101", "limit", "between 1 and 100")]
    [InlineData("offset=-1", "offset", "0 or more")]
    [InlineData("page=0", "page", "1 or more")]
    public async Task A_bad_list_parameter_is_422_naming_what_is_allowed(string query, string field, string allowed)
    {
        var id = await ProjectWithMilestonesAsync();

        var result = await Admin.Get($"/api/v1/projects/{id}/milestones?{query}");

        result.AssertProblem(HttpStatusCode.UnprocessableEntity, allowed);
        Assert.NotEmpty(result.Body!.ErrorsFor(field));
    }

    [Fact]
    public async Task A_non_numeric_limit_is_400()
    {
        var id = await ProjectWithMilestonesAsync();

        (await Admin.Get($"/api/v1/projects/{id}/milestones?limit=lots")).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Include_deleted_shows_deleted_milestones_to_admins_only()
    {
        var project = await Given.ProjectAsync(Admin);
        var gone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "gone" });
        await Admin.Delete($"/api/v1/milestones/{gone.Id()}");
        var (_, name, achiever) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, project.Id(), name, "achiever");

        Assert.Contains("gone", await TitlesAsync($"/api/v1/projects/{project.Id()}/milestones?includeDeleted=true"));
        Assert.DoesNotContain("gone", await TitlesAsync($"/api/v1/projects/{project.Id()}/milestones"));
        (await achiever.Get($"/api/v1/projects/{project.Id()}/milestones?includeDeleted=true")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_global_list_covers_every_readable_project_and_anonymous_callers_see_public_only()
    {
        var (_, _, alice) = await Given.UserAsync();
        var privateProject = await Given.ProjectAsync(alice);
        var publicProject = await Given.ProjectAsync(alice, "public");
        await Given.MilestoneAsync(alice, privateProject.Id(), new { title = "secret plan" });
        await Given.MilestoneAsync(alice, publicProject.Id(), new { title = "open plan" });

        var (_, _, stranger) = await Given.UserAsync();
        var mine = (await alice.Get("/api/v1/milestones?search=plan&limit=100")).Data().AsArray().Select(m => m!.Str("title")).ToList();
        var strangers = (await stranger.Get("/api/v1/milestones?search=plan&limit=100")).Data().AsArray().Select(m => m!.Str("title")).ToList();
        var anonymous = (await Factory.Anonymous().Get("/api/v1/milestones?search=plan&limit=100")).Data().AsArray().Select(m => m!.Str("title")).ToList();

        Assert.Equal(["secret plan", "open plan"], mine);
        Assert.Equal(["open plan"], strangers);
        Assert.Contains("open plan", anonymous);
        Assert.DoesNotContain("secret plan", anonymous);
    }

    [Fact]
    public async Task The_global_list_filters_by_project_and_by_owner()
    {
        var (_, aliceName, alice) = await Given.UserAsync();
        var (bobId, _, bob) = await Given.UserAsync();
        var aliceProject = await Given.ProjectAsync(alice, "public");
        var bobProject = await Given.ProjectAsync(bob, "public");
        await Given.MilestoneAsync(alice, aliceProject.Id(), new { title = "alice's" });
        await Given.MilestoneAsync(bob, bobProject.Id(), new { title = "bob's" });

        var byProject = (await Admin.Get($"/api/v1/milestones?projectId={bobProject.Id()}&type=categorised")).Data().AsArray().Select(m => m!.Str("title"));
        var byOwners = (await Admin.Get($"/api/v1/milestones?users={bobId},{aliceName.ToUpperInvariant()}&type=categorised&limit=100")).Data().AsArray().Select(m => m!.Str("title")).ToList();

        Assert.Equal(["bob's"], byProject);
        Assert.Equal(["alice's", "bob's"], byOwners);
    }
}
