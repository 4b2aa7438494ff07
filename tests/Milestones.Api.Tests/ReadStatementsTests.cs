using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>What the hottest reads send to the database: the milestone with the facts of its access check, a page with its count.</summary>
public sealed class ReadStatementsTests
{
    [Fact]
    public async Task Reading_a_milestone_takes_one_statement_and_still_hides_what_the_caller_may_not_see()
    {
        // Arrange: a private project with a supporter, a live and a deleted milestone; an outsider.
        var recorder = new StatementRecorder();
        using var factory = recorder.Factory();
        var given = new Scenario(factory);
        var (_, username, member) = await given.UserAsync();
        var (_, _, outsider) = await given.UserAsync();
        var project = await given.ProjectAsync(given.Admin, "private");
        await given.AddMemberAsync(given.Admin, project.Id(), username, "supporter");
        var milestone = await given.MilestoneAsync(given.Admin, project.Id(), new { title = "read me", goalAmount = 50 });
        var deleted = await given.MilestoneAsync(given.Admin, project.Id());
        (await given.Admin.Delete($"/api/v1/milestones/{deleted.Id()}")).Data();
        await member.Get($"/api/v1/projects/{project.Id()}"); // each key's first use looks the key up
        await outsider.Get($"/api/v1/projects/{project.Id()}");
        recorder.Commands.Clear();

        // Act
        var read = await member.Get($"/api/v1/milestones/{milestone.Id()}");
        var statements = recorder.QueriesOfRequests();
        var byOutsider = await outsider.Get($"/api/v1/milestones/{milestone.Id()}");
        var deletedByMember = await member.Get($"/api/v1/milestones/{deleted.Id()}");
        var deletedByAdmin = await given.Admin.Get($"/api/v1/milestones/{deleted.Id()}");
        var missing = await member.Get($"/api/v1/milestones/{deleted.Id() + 1000}");

        // Assert
        Assert.Equal("read me", read.Data().Str("title"));
        Assert.True(statements.Length == 1, string.Join("\n---\n", statements));
        byOutsider.AssertProblem(HttpStatusCode.NotFound);
        deletedByMember.AssertProblem(HttpStatusCode.NotFound);
        Assert.NotNull(deletedByAdmin.Data().Str("deletedAt"));
        missing.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Listing_a_whole_project_reads_the_page_and_its_count_in_one_statement_after_the_access_check()
    {
        // Arrange: the default milestone and four more, at positions 0..4.
        var recorder = new StatementRecorder();
        using var factory = recorder.Factory();
        var given = new Scenario(factory);
        var project = await given.ProjectAsync(given.Admin, "private");
        foreach (var title in new[] { "one", "two", "three", "four" })
        {
            await given.MilestoneAsync(given.Admin, project.Id(), new { title });
        }

        await given.Admin.Get($"/api/v1/projects/{project.Id()}");
        recorder.Commands.Clear();

        // Act
        var middle = await given.Admin.Get($"/api/v1/projects/{project.Id()}/milestones?limit=2&offset=1");
        var statements = recorder.QueriesOfRequests();
        var last = await given.Admin.Get($"/api/v1/projects/{project.Id()}/milestones?limit=2&order=desc");
        var pastTheEnd = await given.Admin.Get($"/api/v1/projects/{project.Id()}/milestones?offset=10");

        // Assert: the project's access check, then the page with the count.
        Assert.Equal(["one", "two"], middle.Data().AsArray().Select(m => m!.Str("title")));
        Assert.Equal(5, middle.Body!.Int("count"));
        Assert.True(statements.Length == 2, string.Join("\n---\n", statements));
        Assert.Equal(["four", "three"], last.Data().AsArray().Select(m => m!.Str("title")));
        Assert.Equal(5, last.Body!.Int("count"));
        Assert.Empty(pastTheEnd.Data().AsArray());
        Assert.Equal(5, pastTheEnd.Body!.Int("count"));
    }

    [Fact]
    public async Task Listing_a_projects_reached_or_unreached_milestones_counts_them_from_the_projects_counters()
    {
        // Arrange: the default milestone, two reached and one pending.
        var recorder = new StatementRecorder();
        using var factory = recorder.Factory();
        var given = new Scenario(factory);
        var project = await given.ProjectAsync(given.Admin, "private");
        await given.MilestoneAsync(given.Admin, project.Id(), new { title = "one", status = "reached" });
        await given.MilestoneAsync(given.Admin, project.Id(), new { title = "two" });
        await given.MilestoneAsync(given.Admin, project.Id(), new { title = "three", status = "reached" });
        await given.Admin.Get($"/api/v1/projects/{project.Id()}");
        recorder.Commands.Clear();

        // Act
        var reached = await given.Admin.Get($"/api/v1/projects/{project.Id()}/milestones?status=reached&limit=1");
        var reachedStatements = recorder.QueriesOfRequests();
        recorder.Commands.Clear();
        var others = await given.Admin.Get($"/api/v1/projects/{project.Id()}/milestones?status=pending,in_progress,failed&limit=1");
        var otherStatements = recorder.QueriesOfRequests();

        // Assert: the counts are the counters' (each page is full, so it cannot tell), and no statement counts milestones.
        Assert.Equal(["one"], reached.Data().AsArray().Select(m => m!.Str("title")));
        Assert.Equal(2, reached.Body!.Int("count"));
        Assert.Equal(["Uncategorised"], others.Data().AsArray().Select(m => m!.Str("title")));
        Assert.Equal(2, others.Body!.Int("count"));
        Assert.True(reachedStatements.Length == 3, string.Join("\n---\n", reachedStatements)); // access, page, counters
        Assert.DoesNotContain(reachedStatements.Concat(otherStatements), s => s.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_filtered_page_that_is_not_full_gives_the_total_without_counting()
    {
        // Arrange: three pending milestones and one failed (with the default one, four of the filter's).
        var recorder = new StatementRecorder();
        using var factory = recorder.Factory();
        var given = new Scenario(factory);
        var project = await given.ProjectAsync(given.Admin, "private");
        foreach (var status in new[] { "pending", "failed", "pending", "reached" })
        {
            await given.MilestoneAsync(given.Admin, project.Id(), new { title = $"{status} {Guid.NewGuid():N}", status });
        }

        await given.Admin.Get($"/api/v1/projects/{project.Id()}");
        recorder.Commands.Clear();

        // Act
        var page = await given.Admin.Get($"/api/v1/projects/{project.Id()}/milestones?status=pending,failed&limit=10");
        var statements = recorder.QueriesOfRequests();

        // Assert: the access check and the page, nothing else.
        Assert.Equal(4, page.Data().AsArray().Count);
        Assert.Equal(4, page.Body!.Int("count"));
        Assert.True(statements.Length == 2, string.Join("\n---\n", statements));
        Assert.DoesNotContain(statements, s => s.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
    }
}
