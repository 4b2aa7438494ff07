using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 7: <c>Idempotency-Key</c> on POST.</summary>
public sealed class IdempotencyTests(ApiFactory factory) : ApiTestBase(factory)
{
    private static Action<HttpRequestMessage> Key(string key) => r => r.Headers.Add("Idempotency-Key", key);

    [Fact]
    public async Task Repeating_a_pledge_with_the_same_key_replays_it_and_counts_the_money_once()
    {
        var project = await Given.ProjectAsync(Admin, "public");
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "fund", goalAmount = 100 });
        var (_, _, supporter) = await Given.UserAsync();
        var url = $"/api/v1/milestones/{milestone.Id()}/supports";

        var first = await supporter.Send(HttpMethod.Post, url, new { amount = 25 }, Key("pledge-1"));
        var again = await supporter.Send(HttpMethod.Post, url, new { amount = 25 }, Key("pledge-1"));

        var created = first.Data(HttpStatusCode.Created);
        Assert.False(first.Response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal("true", again.Response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(created.Json(), again.Body!["data"].Json());
        Assert.Equal(first.Response.Headers.Location, again.Response.Headers.Location);
        Assert.Equal(first.Response.Headers.ETag, again.Response.Headers.ETag);
        var m = await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}");
        Assert.Equal((25m, 1), (m!["raisedAmount"]!.GetValue<decimal>(), m.Int("supportersCount")));
        Assert.Equal(1, (await supporter.Get(url)).Body!.Int("count"));
    }

    [Fact]
    public async Task Every_spelling_of_one_path_shares_one_key_so_five_spellings_make_one_pledge()
    {
        // Arrange
        var project = await Given.ProjectAsync(Admin, "public");
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "spellings", goalAmount = 100 });
        var (_, _, supporter) = await Given.UserAsync();
        var id = milestone.Id();
        string[] spellings =
        [
            $"/api/v1/milestones/{id}/supports",
            $"/api/v1/Milestones/{id}/supports",
            $"/API/V1/milestones/{id}/supports",
            $"/api/v1/milestones/0{id}/supports",
            $"/api/v1/milestones/{id}/supports/",
        ];

        // Act
        var results = new List<(HttpStatusCode Status, System.Text.Json.Nodes.JsonNode? Body, HttpResponseMessage Response)>();
        foreach (var url in spellings)
        {
            results.Add(await supporter.Send(HttpMethod.Post, url, new { amount = 7 }, Key("one-pledge-any-spelling")));
        }

        // Assert: the first ran, the other four replayed it.
        var created = results[0].Data(HttpStatusCode.Created);
        Assert.All(results.Skip(1), r =>
        {
            Assert.Equal(HttpStatusCode.Created, r.Status);
            Assert.Equal("true", r.Response.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(created.Id(), r.Body!["data"].Id());
        });
        var m = await Given.GetAsync(Admin, $"/api/v1/milestones/{id}");
        Assert.Equal((7m, 1), (m["raisedAmount"]!.GetValue<decimal>(), m.Int("supportersCount")));
        Assert.Equal(1, (await supporter.Get($"/api/v1/milestones/{id}/supports")).Body!.Int("count"));
    }

    [Fact]
    public async Task Reusing_a_key_with_another_body_is_422_and_changes_nothing()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        var url = $"/api/v1/milestones/{milestone.Id()}/tasks";
        (await Admin.Send(HttpMethod.Post, url, new { title = "one" }, Key("task-key"))).Data(HttpStatusCode.Created);

        var other = await Admin.Send(HttpMethod.Post, url, new { title = "two" }, Key("task-key"));

        other.AssertProblem(HttpStatusCode.UnprocessableEntity, "already used");
        Assert.NotEmpty(other.Body!.ErrorsFor("Idempotency-Key"));
        Assert.Equal(1, (await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}")).Int("tasksTotal"));
    }

    [Fact]
    public async Task A_failed_request_stores_no_key_so_the_corrected_retry_runs()
    {
        var project = await Given.ProjectAsync(Admin);
        var url = $"/api/v1/projects/{project.Id()}/milestones";

        var invalid = await Admin.Send(HttpMethod.Post, url, new { title = "" }, Key("retry-me"));
        var corrected = await Admin.Send(HttpMethod.Post, url, new { title = "" }, Key("retry-me"));

        invalid.AssertProblem(HttpStatusCode.UnprocessableEntity);
        corrected.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.False(corrected.Response.Headers.Contains("Idempotent-Replayed"));
        (await Admin.Send(HttpMethod.Post, url, new { title = "fixed" }, Key("retry-me"))).Data(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_user_and_the_route()
    {
        var project = await Given.ProjectAsync(Admin);
        var (_, username, achiever) = await Given.UserAsync();
        await Given.AddMemberAsync(Admin, project.Id(), username, "achiever");
        var a = await Given.MilestoneAsync(Admin, project.Id());
        var b = await Given.MilestoneAsync(Admin, project.Id());

        var mine = await Admin.Send(HttpMethod.Post, $"/api/v1/milestones/{a.Id()}/tasks", new { title = "t" }, Key("shared"));
        var theirs = await achiever.Send(HttpMethod.Post, $"/api/v1/milestones/{a.Id()}/tasks", new { title = "t" }, Key("shared"));
        var otherRoute = await Admin.Send(HttpMethod.Post, $"/api/v1/milestones/{b.Id()}/tasks", new { title = "t" }, Key("shared"));

        Assert.NotEqual(mine.Data(HttpStatusCode.Created).Id(), theirs.Data(HttpStatusCode.Created).Id());
        Assert.False(theirs.Response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(b.Id(), otherRoute.Data(HttpStatusCode.Created)["milestoneId"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("clé-non-ascii")]
    [InlineData("a key with a tab\t")]
    public async Task A_malformed_key_is_400_and_changes_nothing(string key)
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());

        var result = await Admin.Send(HttpMethod.Post, $"/api/v1/milestones/{milestone.Id()}/tasks", new { title = "t" },
            r => r.Headers.TryAddWithoutValidation("Idempotency-Key", key));

        result.AssertProblem(HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.Equal(0, (await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}")).Int("tasksTotal"));
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_400()
    {
        var project = await Given.ProjectAsync(Admin);

        var result = await Admin.Send(HttpMethod.Post, $"/api/v1/projects/{project.Id()}/milestones", new { title = "t" }, Key(new string('k', 256)));

        result.AssertProblem(HttpStatusCode.BadRequest, "255");
    }

    [Fact]
    public async Task Six_concurrent_posts_of_a_task_with_one_key_create_one_task()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        var url = $"/api/v1/milestones/{milestone.Id()}/tasks";

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Factory.Admin().Send(HttpMethod.Post, url, new { title = "once" }, Key("race-task"))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Single(results.Select(r => r.Body!["data"].Id()).Distinct());
        Assert.Equal(5, results.Count(r => r.Response.Headers.Contains("Idempotent-Replayed")));
        Assert.Equal(1, (await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}")).Int("tasksTotal"));
        Assert.Equal(1, (await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}")).Int("tasksTotal"));
    }

    [Fact]
    public async Task Six_concurrent_pledges_with_one_key_change_the_money_once()
    {
        var project = await Given.ProjectAsync(Admin, "public");
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "fund", goalAmount = 1000 });
        var (_, _, supporter) = await Given.UserAsync();
        var url = $"/api/v1/milestones/{milestone.Id()}/supports";

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            supporter.Send(HttpMethod.Post, url, new { amount = 40 }, Key("race-pledge"))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Single(results.Select(r => r.Body!["data"].Id()).Distinct());
        var m = await Given.GetAsync(Admin, $"/api/v1/milestones/{milestone.Id()}");
        Assert.Equal((40m, 1), (m!["raisedAmount"]!.GetValue<decimal>(), m.Int("supportersCount")));
        Assert.Empty((await Admin.Post($"/api/v1/projects/{project.Id()}/recount")).Data()["fixed"]!.AsArray());
    }

    [Fact]
    public async Task Another_instance_on_the_same_database_replays_the_key()
    {
        var project = await Given.ProjectAsync(Admin);
        var url = $"/api/v1/projects/{project.Id()}/milestones";
        var first = (await Admin.Send(HttpMethod.Post, url, new { title = "shared across instances" }, Key("multi"))).Data(HttpStatusCode.Created);
        using var second = new ApiFactory(Factory.Database, new Dictionary<string, string>(), Factory.Clock);

        var replayed = await second.Admin().Send(HttpMethod.Post, url, new { title = "shared across instances" }, Key("multi"));

        Assert.Equal(first.Id(), replayed.Data(HttpStatusCode.Created).Id());
        Assert.Equal("true", replayed.Response.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task A_key_is_forgotten_after_24_hours_and_the_hosted_clean_up_removes_it()
    {
        using var factory = new ApiFactory();
        var admin = factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = "expiry" })).Data(HttpStatusCode.Created);
        var url = $"/api/v1/projects/{project.Id()}/milestones";
        var first = (await admin.Send(HttpMethod.Post, url, new { title = "day one" }, Key("daily"))).Data(HttpStatusCode.Created);
        Assert.Equal(1, await CountKeysAsync(factory));

        factory.Clock.Advance(TimeSpan.FromHours(25));
        await WaitUntilAsync(async () => await CountKeysAsync(factory) == 0);
        var next = await admin.Send(HttpMethod.Post, url, new { title = "day one" }, Key("daily"));

        // The key is new again, so the request runs: the title is taken now, which is the proof.
        next.AssertProblem(HttpStatusCode.Conflict, "already exists");
        Assert.False(next.Response.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(0, first.Id());
    }

    private static async Task<long> CountKeysAsync(ApiFactory factory) =>
        long.Parse((await factory.Database.QueryAsync("SELECT COUNT(*) FROM \"IdempotencyKeys\"")).Single(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 s.");
            await Task.Delay(50);
        }
    }
}
