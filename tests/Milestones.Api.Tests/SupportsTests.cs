using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

public sealed class SupportsTests(ApiFactory factory) : ApiTestBase(factory)
{
    private async Task<(long ProjectId, long MilestoneId)> FundedAsync(string visibility = "public", decimal goal = 1000m)
    {
        var project = await Given.ProjectAsync(Admin, visibility);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = Scenario.Unique("funded"), goalAmount = goal });
        return (project.Id(), milestone.Id());
    }

    private async Task<System.Text.Json.Nodes.JsonNode> MilestoneAsync(long id) => await Given.GetAsync(Admin, $"/api/v1/milestones/{id}");

    [Theory]
    [InlineData("1.999999999999999999999999999999")]
    [InlineData("1.005")]
    [InlineData("1.00000000000000000000000000000000001")]
    [InlineData("1e-3")]
    [InlineData("12345e-4")]
    [InlineData("0.001")]
    public async Task Money_with_more_than_two_decimals_is_422_on_every_money_field_and_is_never_rounded(string amount)
    {
        // Arrange
        var (projectId, milestoneId) = await FundedAsync();
        var (_, _, supporter) = await Given.UserAsync();

        // Act
        var pledge = await supporter.Send(HttpMethod.Post, $"/api/v1/milestones/{milestoneId}/supports", $"{{\"amount\":{amount}}}");
        var create = await Admin.Send(HttpMethod.Post, $"/api/v1/projects/{projectId}/milestones", $"{{\"title\":\"precise\",\"goalAmount\":{amount}}}");
        var patch = await Admin.Send(HttpMethod.Patch, $"/api/v1/milestones/{milestoneId}", $"{{\"goalAmount\":{amount}}}");

        // Assert
        pledge.AssertProblem(HttpStatusCode.UnprocessableEntity, "amount must have at most 2 decimals");
        create.AssertProblem(HttpStatusCode.UnprocessableEntity, "goalAmount must have at most 2 decimals");
        patch.AssertProblem(HttpStatusCode.UnprocessableEntity, "goalAmount must have at most 2 decimals");
        var milestone = await MilestoneAsync(milestoneId);
        Assert.Equal((0m, 0, 1000m), (milestone["raisedAmount"]!.GetValue<decimal>(), milestone.Int("supportersCount"), milestone["goalAmount"]!.GetValue<decimal>()));
        Assert.Equal(1, (await Admin.Get($"/api/v1/projects/{projectId}")).Data().Int("milestonesTotal"));
    }

    [Theory]
    [InlineData("1.50", 1.5)]
    [InlineData("1.500000", 1.5)]
    [InlineData("125e-2", 1.25)]
    [InlineData("0.1E1", 1)]
    [InlineData("2", 2)]
    public async Task Money_written_with_trailing_zeros_or_an_exponent_counts_by_its_value(string amount, decimal expected)
    {
        var (_, milestoneId) = await FundedAsync();
        var (_, _, supporter) = await Given.UserAsync();

        var pledge = await supporter.Send(HttpMethod.Post, $"/api/v1/milestones/{milestoneId}/supports", $"{{\"amount\":{amount}}}");

        Assert.Equal(expected, pledge.Data(HttpStatusCode.Created)["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_pledge_raises_the_amount_counts_the_supporter_and_moves_funding_percent()
    {
        var (_, milestoneId) = await FundedAsync();
        var (supporterId, _, supporter) = await Given.UserAsync();

        var result = await supporter.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 250.25m, message = "Go!" });

        var support = result.Data(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/supports/{support.Id()}", result.Response.Headers.Location?.ToString());
        Assert.Equal(("pledged", supporterId, 250.25m), (support.Str("status"), support["supporterId"]!.GetValue<long>(), support["amount"]!.GetValue<decimal>()));
        var m = await MilestoneAsync(milestoneId);
        Assert.Equal(250.25m, m["raisedAmount"]!.GetValue<decimal>());
        Assert.Equal(1, m.Int("supportersCount"));
        Assert.Equal(25, m["progress"]!.Int("fundingPercent"));
        Assert.Single((await Admin.Get($"/api/v1/projects/{m["projectId"]}/events?type=support.pledged")).Data().AsArray());
    }

    [Fact]
    public async Task Supporters_count_distinct_people()
    {
        var (_, milestoneId) = await FundedAsync();
        var (_, _, alice) = await Given.UserAsync();
        var (_, _, bob) = await Given.UserAsync();

        await alice.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 10 });
        await alice.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 5 });
        await bob.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 1.5m });

        var m = await MilestoneAsync(milestoneId);
        Assert.Equal(16.5m, m["raisedAmount"]!.GetValue<decimal>());
        Assert.Equal(2, m.Int("supportersCount"));
    }

    [Fact]
    public async Task Withdrawing_releases_the_pledge_and_takes_back_the_amount()
    {
        var (projectId, milestoneId) = await FundedAsync();
        var (_, _, alice) = await Given.UserAsync();
        var support = (await alice.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 100 })).Data(HttpStatusCode.Created);

        var withdrawn = (await alice.Delete($"/api/v1/supports/{support.Id()}")).Data();

        Assert.True(withdrawn["deleted"]!.GetValue<bool>());
        Assert.Equal("released", withdrawn.Str("status"));
        var m = await MilestoneAsync(milestoneId);
        Assert.Equal((0m, 0), (m["raisedAmount"]!.GetValue<decimal>(), m.Int("supportersCount")));
        Assert.Single((await Admin.Get($"/api/v1/projects/{projectId}/events?type=support.withdrawn")).Data().AsArray());
        (await alice.Delete($"/api/v1/supports/{support.Id()}")).AssertProblem(HttpStatusCode.Conflict, "released");
    }

    [Fact]
    public async Task Only_the_supporter_can_withdraw()
    {
        var (_, milestoneId) = await FundedAsync();
        var (_, _, alice) = await Given.UserAsync();
        var support = (await alice.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 100 })).Data(HttpStatusCode.Created);

        (await Admin.Delete($"/api/v1/supports/{support.Id()}")).AssertProblem(HttpStatusCode.Forbidden, "Only the supporter");
    }

    [Fact]
    public async Task Reaching_the_milestone_fulfils_its_pledges_and_says_so_in_the_status_event()
    {
        var (projectId, milestoneId) = await FundedAsync();
        var (_, _, alice) = await Given.UserAsync();
        var support = (await alice.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 40 })).Data(HttpStatusCode.Created);

        await Admin.Patch($"/api/v1/milestones/{milestoneId}", new { status = "reached" });

        var after = await Given.GetAsync(Admin, $"/api/v1/supports/{support.Id()}");
        Assert.Equal("fulfilled", after.Str("status"));
        Assert.NotNull(after["resolvedAt"]);
        Assert.Equal(40m, (await MilestoneAsync(milestoneId))["raisedAmount"]!.GetValue<decimal>());
        var ev = (await Admin.Get($"/api/v1/projects/{projectId}/events?type=milestone.status_changed")).Data().AsArray().Single()!;
        Assert.Equal(1, ev["data"]!["supports"]!.Int("fulfilled"));
        Assert.Equal(40m, ev["data"]!["supports"]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Failing_a_milestone_releases_more_pledges_than_one_statement_can_take_parameters()
    {
        // Arrange: one pledge through the API, and 33,000 more (of no amount) written straight to the table,
        // past SQLite's 32,766 parameters in one statement and SQL Server's 2,100.
        const int Extra = 33_000;
        var (projectId, milestoneId) = await FundedAsync();
        var (aliceId, _, alice) = await Given.UserAsync();
        (await alice.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 40 })).Data(HttpStatusCode.Created);
        await Factory.Database.ExecuteAsync(
            $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Extra})
            INSERT INTO "Supports" ("Amount", "CreatedAt", "Message", "MilestoneId", "ProjectId", "ResolvedAt", "Status", "SupporterId")
            SELECT 0, '2026-12-01 00:00:00', '', {milestoneId}, {projectId}, NULL, 'Pledged', {aliceId} FROM n
            """);

        // Act
        var failed = await Admin.Patch($"/api/v1/milestones/{milestoneId}", new { status = "failed" });

        // Assert
        Assert.Equal("failed", failed.Data().Str("status"));
        Assert.Equal(["0"], await Factory.Database.QueryAsync($"SELECT COUNT(*) FROM \"Supports\" WHERE \"MilestoneId\" = {milestoneId} AND \"Status\" <> 'Released'"));
        var m = await MilestoneAsync(milestoneId);
        Assert.Equal((0m, 0), (m["raisedAmount"]!.GetValue<decimal>(), m.Int("supportersCount")));
        var ev = (await Admin.Get($"/api/v1/projects/{projectId}/events?type=milestone.status_changed")).Data().AsArray().Single()!;
        Assert.Equal(Extra + 1, ev["data"]!["supports"]!.Int("released"));
        Assert.Empty((await Admin.Post($"/api/v1/projects/{projectId}/recount")).Data()["fixed"]!.AsArray());
    }

    [Theory]
    [InlineData("fail")]
    [InlineData("delete")]
    public async Task Failing_or_deleting_the_milestone_releases_its_pledges(string how)
    {
        var (projectId, milestoneId) = await FundedAsync();
        var (_, _, alice) = await Given.UserAsync();
        var support = (await alice.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 40 })).Data(HttpStatusCode.Created);

        if (how == "fail")
        {
            await Admin.Patch($"/api/v1/milestones/{milestoneId}", new { status = "failed" });
        }
        else
        {
            await Admin.Delete($"/api/v1/milestones/{milestoneId}");
        }

        Assert.Equal("released", (await Given.GetAsync(Admin, $"/api/v1/supports/{support.Id()}")).Str("status"));
        var m = await MilestoneAsync(milestoneId);
        Assert.Equal((0m, 0), (m["raisedAmount"]!.GetValue<decimal>(), m.Int("supportersCount")));
        var type = how == "fail" ? "milestone.status_changed" : "milestone.deleted";
        var ev = (await Admin.Get($"/api/v1/projects/{projectId}/events?type={type}")).Data().AsArray().Single()!;
        Assert.Equal(1, ev["data"]!["supports"]!.Int("released"));
        Assert.Empty((await Admin.Post($"/api/v1/projects/{projectId}/recount")).Data()["fixed"]!.AsArray());
    }

    [Theory]
    [InlineData("reached")]
    [InlineData("failed")]
    public async Task Pledging_on_a_closed_milestone_is_409(string status)
    {
        var (_, milestoneId) = await FundedAsync();
        await Admin.Patch($"/api/v1/milestones/{milestoneId}", new { status });

        (await Admin.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 1 })).AssertProblem(HttpStatusCode.Conflict, "pending or in-progress");
    }

    [Fact]
    public async Task Pledging_on_a_deleted_milestone_is_409()
    {
        var (_, milestoneId) = await FundedAsync();
        await Admin.Delete($"/api/v1/milestones/{milestoneId}");

        (await Admin.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 1 })).AssertProblem(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{\"amount\":0}", "amount")]
    [InlineData("{\"amount\":-3}", "amount")]
    [InlineData("{\"amount\":1000000.01}", "amount")]
    [InlineData("{\"amount\":1.234}", "amount")]
    [InlineData("{}", "amount")]
    public async Task A_bad_amount_is_422_and_changes_nothing(string body, string field)
    {
        var (_, milestoneId) = await FundedAsync();

        var result = await Admin.Post($"/api/v1/milestones/{milestoneId}/supports", body);

        result.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(result.Body!.ErrorsFor(field));
        Assert.Equal(0m, (await MilestoneAsync(milestoneId))["raisedAmount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_largest_pledge_is_accepted_exactly()
    {
        var (_, milestoneId) = await FundedAsync(goal: 2_000_000m);

        await Admin.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 1_000_000m });
        await Admin.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 0.01m });

        Assert.Equal(1_000_000.01m, (await MilestoneAsync(milestoneId))["raisedAmount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_message_over_1000_characters_is_422()
    {
        var (_, milestoneId) = await FundedAsync();

        (await Admin.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 1, message = new string('m', 1001) })).AssertProblem(HttpStatusCode.UnprocessableEntity, "1000");
    }

    [Fact]
    public async Task Outsiders_of_a_private_project_get_404_and_anonymous_callers_401()
    {
        var (_, milestoneId) = await FundedAsync("private");
        var (_, _, stranger) = await Given.UserAsync();

        (await stranger.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 1 })).AssertProblem(HttpStatusCode.NotFound);
        (await Factory.Anonymous().Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 1 })).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_read_only_key_cannot_pledge()
    {
        var (_, milestoneId) = await FundedAsync();
        var (_, _, reader) = await Given.UserAsync("milestones:read");

        (await reader.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 1 })).AssertProblem(HttpStatusCode.Forbidden, "milestones:write");
    }

    [Fact]
    public async Task Supporter_members_of_a_private_project_may_pledge()
    {
        var (projectId, milestoneId) = await FundedAsync("private");
        var (_, name, member) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, projectId, name, "supporter");

        Assert.Equal(HttpStatusCode.Created, (await member.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 1 })).Status);
    }

    [Fact]
    public async Task Supports_are_listed_newest_first_and_filter_by_status()
    {
        var (_, milestoneId) = await FundedAsync();
        var (_, _, alice) = await Given.UserAsync();
        var first = (await alice.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 1 })).Data(HttpStatusCode.Created);
        var second = (await alice.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 2 })).Data(HttpStatusCode.Created);
        await alice.Delete($"/api/v1/supports/{first.Id()}");

        var all = await Factory.Anonymous().Get($"/api/v1/milestones/{milestoneId}/supports");
        var pledged = (await Admin.Get($"/api/v1/milestones/{milestoneId}/supports?status=pledged")).Data().AsArray();

        Assert.Equal([second.Id(), first.Id()], all.Data().AsArray().Select(s => s!.Id()));
        Assert.Equal(2, all.Body!.Int("count"));
        Assert.Equal(second.Id(), Assert.Single(pledged)!.Id());
        (await Admin.Get($"/api/v1/milestones/{milestoneId}/supports?status=gone")).AssertProblem(HttpStatusCode.UnprocessableEntity, "pledged, fulfilled, released");
    }

    [Fact]
    public async Task Concurrent_pledges_and_withdrawals_keep_funding_exact()
    {
        var (projectId, milestoneId) = await FundedAsync(goal: 1000m);
        var people = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            people.Add((await Given.UserAsync()).Client);
        }

        var toWithdraw = (await people[0].Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 7 })).Data(HttpStatusCode.Created);
        var work = people.SelectMany((p, i) => Enumerable.Range(0, 4).Select(_ => p.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 2.5m + i })))
            .Cast<Task>().Append(people[0].Delete($"/api/v1/supports/{toWithdraw.Id()}")).ToList();
        await Task.WhenAll(work);

        var m = await MilestoneAsync(milestoneId);
        var expected = Enumerable.Range(0, 6).Sum(i => 4 * (2.5m + i));
        Assert.Equal(expected, m["raisedAmount"]!.GetValue<decimal>());
        Assert.Equal(6, m.Int("supportersCount"));
        Assert.Equal((int)(expected * 100 / 1000), m["progress"]!.Int("fundingPercent"));
        Assert.Empty((await Admin.Post($"/api/v1/projects/{projectId}/recount")).Data()["fixed"]!.AsArray());
    }
}
