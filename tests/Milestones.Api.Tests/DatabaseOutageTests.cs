using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Milestones.Api.Tests.Support;
using Npgsql;

namespace Milestones.Api.Tests;

/// <summary>
/// SPEC 6: a server database that goes away while the service runs. Requests that need it are 503 with
/// <c>Retry-After</c>, never a 500 or a hang; <c>/health/ready</c> is 503 and says which dependency failed;
/// when the database comes back the service recovers by itself, with nothing lost or drifted.
/// </summary>
public sealed class DatabaseOutageTests
{
    [PostgresOnlyFact("SQLite is a file in the process: it cannot go away while the service runs")]
    public async Task A_database_that_goes_away_gives_503_with_Retry_After_and_a_failing_ready_check_and_the_service_recovers_by_itself()
    {
        // Arrange: the service reaches PostgreSQL through a proxy the test can cut.
        using var database = new TempDatabase();
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = TcpProxy.Start(server.Host!, server.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3, CommandTimeout = 5 };
        using var factory = new ApiFactory(database, new Dictionary<string, string> { ["ConnectionStrings:Milestones"] = throughProxy.ConnectionString });
        var admin = factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("outage") })).Data(HttpStatusCode.Created);
        var acknowledged = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            acknowledged.Add((await admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = $"before {i}" })).Data(HttpStatusCode.Created).Id());
        }

        // Act 1: the database goes away.
        proxy.Cut();
        var during = new List<(HttpStatusCode Status, string? RetryAfter, TimeSpan Took)>();
        for (var i = 0; i < 6; i++)
        {
            var watch = Stopwatch.StartNew();
            var write = await admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = $"during {i}" });
            during.Add((write.Status, write.Response.Headers.RetryAfter?.ToString(), watch.Elapsed));
            var read = await admin.Get($"/api/v1/projects/{project.Id()}");
            during.Add((read.Status, read.Response.Headers.RetryAfter?.ToString(), watch.Elapsed));
        }

        var readyDuring = await factory.Anonymous().GetAsync("/health/ready");
        var readyBody = JsonNode.Parse(await readyDuring.Content.ReadAsStringAsync())!;

        // Assert 1: 503 with Retry-After for every request that needs the database, each within seconds.
        Assert.All(during, d =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, d.Status);
            Assert.NotNull(d.RetryAfter);
            Assert.True(d.Took < TimeSpan.FromSeconds(15), $"A request took {d.Took.TotalSeconds:0.0} s while the database was away.");
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyDuring.StatusCode);
        Assert.Equal("unhealthy", readyBody["checks"]!["database"]!["status"]!.GetValue<string>());

        // Act 2: it comes back.
        proxy.Restore();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode after;
        while ((after = (await admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = Scenario.Unique("after") })).Status) != HttpStatusCode.Created)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The service did not recover within 30 s (last answer {(int)after}).");
            await Task.Delay(250);
        }

        // Assert 2: ready again; every acknowledged write is there; nothing drifted.
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/health/ready")).StatusCode);
        foreach (var id in acknowledged)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.Get($"/api/v1/milestones/{id}")).Status);
        }

        Assert.Equal(6, (await admin.Get($"/api/v1/projects/{project.Id()}")).Data().Int("milestonesTotal"));
        Assert.Empty((await admin.Post($"/api/v1/projects/{project.Id()}/recount")).Data()["fixed"]!.AsArray());
    }
}
