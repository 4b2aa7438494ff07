using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 3.9 and 7: counters stay exact under a storm of racing writers, and If-Match has one winner.</summary>
public sealed class ConcurrencyStormTests(ApiFactory factory) : ApiTestBase(factory)
{
    private const int Clients = 16;
    private const int OperationsPerClient = 125;

    [Fact]
    public async Task A_storm_of_2000_mixed_writes_from_16_clients_leaves_every_counter_equal_to_its_rows()
    {
        // Arrange: a public project, three milestones with goals, editors and supporters.
        var project = await Given.ProjectAsync(Admin, "public");
        var milestones = new ConcurrentBag<long>();
        for (var i = 0; i < 3; i++)
        {
            milestones.Add((await Given.MilestoneAsync(Admin, project.Id(), new { title = $"storm {i}", goalAmount = 1_000_000 })).Id());
        }

        milestones.Add(await Given.DefaultMilestoneIdAsync(Admin, project.Id()));
        var editors = new List<HttpClient> { Factory.Admin() };
        var supporters = new List<HttpClient>();
        for (var i = 0; i < Clients - 1; i++)
        {
            var (_, username, client) = await Given.UserAsync();
            if (i < 7)
            {
                await Given.AddMemberAsync(Admin, project.Id(), username, "achiever");
                editors.Add(client);
            }
            else
            {
                supporters.Add(client);
            }
        }

        var tasks = new ConcurrentBag<long>();
        var statuses = new ConcurrentDictionary<int, int>();
        var faults = new ConcurrentBag<string>();

        // Act: every client runs its own seeded mix of operations at once.
        var clients = editors.Select((c, i) => (Client: c, Editor: true, Seed: i))
            .Concat(supporters.Select((c, i) => (Client: c, Editor: false, Seed: 100 + i)));
        await Task.WhenAll(clients.Select(c => Task.Run(async () =>
        {
            var random = new Random(c.Seed);
            var pledges = new List<long>();
            for (var op = 0; op < OperationsPerClient; op++)
            {
                var response = c.Editor
                    ? await EditAsync(c.Client, random, project.Id(), milestones, tasks)
                    : await SupportAsync(c.Client, random, milestones, pledges);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if ((int)response.StatusCode >= 500)
                {
                    faults.Add($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {await response.Content.ReadAsStringAsync()}");
                }
            }
        })));

        // Assert: no fault, then the counters against the rows themselves, then recount agrees.
        Assert.True(faults.IsEmpty, string.Join('\n', faults.Take(5)));
        Assert.Equal(Clients * OperationsPerClient, statuses.Values.Sum());
        Assert.True(statuses.GetValueOrDefault(201) > 300, $"Too few writes succeeded to call it a storm: {string.Join(", ", statuses)}");
        await AssertCountersMatchRowsAsync(project.Id());
        Assert.Empty((await Admin.Post($"/api/v1/projects/{project.Id()}/recount")).Data()["fixed"]!.AsArray());
    }

    [Fact]
    public async Task Ten_racing_patches_with_one_If_Match_have_exactly_one_winner_in_every_round()
    {
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id());
        var url = $"/api/v1/milestones/{milestone.Id()}";

        for (var round = 0; round < 5; round++)
        {
            var etag = (await Admin.Get(url)).Response.Headers.ETag!.Tag;

            var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Factory.Admin().Patch(url,
                new { description = $"round {round} writer {i}" }, r => r.Headers.TryAddWithoutValidation("If-Match", etag))));

            Assert.Single(results, r => r.Status == HttpStatusCode.OK);
            Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Contains(r.Status, new[] { HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict }));
            var winner = results.Single(r => r.Status == HttpStatusCode.OK).Body!["data"]!.Str("description");
            Assert.Equal(winner, (await Given.GetAsync(Admin, url)).Str("description"));
        }
    }

    /// <summary>One editor's random write (or read) of a storm; ids it creates join the pools.</summary>
    internal static async Task<HttpResponseMessage> EditAsync(HttpClient client, Random random, long projectId, ConcurrentBag<long> milestones, ConcurrentBag<long> tasks)
    {
        var milestoneIds = milestones.ToArray();
        var taskIds = tasks.ToArray();
        var milestoneId = milestoneIds[random.Next(milestoneIds.Length)];
        var taskId = taskIds.Length == 0 ? 0 : taskIds[random.Next(taskIds.Length)];
        var roll = random.Next(100);
        var (status, body, response) = roll switch
        {
            < 32 => await client.Post($"/api/v1/milestones/{milestoneId}/tasks", new { title = $"t{random.Next()}", completed = random.Next(3) == 0 }),
            < 52 when taskId != 0 => await client.Patch($"/api/v1/tasks/{taskId}", new { completed = random.Next(2) == 0 }),
            < 62 when taskId != 0 => await client.Patch($"/api/v1/tasks/{taskId}", new { milestoneId }),
            < 70 when taskId != 0 => await client.Delete($"/api/v1/tasks/{taskId}"),
            < 82 => await client.Patch($"/api/v1/milestones/{milestoneId}", new { status = new[] { "pending", "in_progress", "reached" }[random.Next(3)] }),
            < 90 => await client.Post($"/api/v1/projects/{projectId}/milestones", new { title = $"m{random.Next()}", goalAmount = 500 }),
            < 94 => await client.Delete($"/api/v1/milestones/{milestoneId}?tasks={(random.Next(2) == 0 ? "reassign" : "delete")}"),
            _ => await client.Get($"/api/v1/milestones/{milestoneId}"),
        };

        if (status == HttpStatusCode.Created && body!["data"] is JsonObject created)
        {
            (created.ContainsKey("milestoneId") ? tasks : milestones).Add(created.Id());
        }

        return response;
    }

    /// <summary>One supporter's random pledge or withdrawal of a storm.</summary>
    internal static async Task<HttpResponseMessage> SupportAsync(HttpClient client, Random random, ConcurrentBag<long> milestones, List<long> pledges)
    {
        var milestoneIds = milestones.ToArray();
        var milestoneId = milestoneIds[random.Next(milestoneIds.Length)];
        if (pledges.Count > 0 && random.Next(4) == 0)
        {
            var pledge = pledges[random.Next(pledges.Count)];
            pledges.Remove(pledge);
            return (await client.Delete($"/api/v1/supports/{pledge}")).Response;
        }

        var (status, body, response) = await client.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = random.Next(1, 500) + 0.25m });
        if (status == HttpStatusCode.Created)
        {
            pledges.Add(body!["data"].Id());
        }

        return response;
    }

    /// <summary>Counts the rows with SQL of its own, independent of the service's recount.</summary>
    private async Task AssertCountersMatchRowsAsync(long projectId)
    {
        var drift = await DriftAsync(Factory.Database, projectId);
        var rows = await Factory.Database.QueryAsync($"SELECT COUNT(*) FROM \"Tasks\" WHERE \"ProjectId\" = {projectId}");

        Assert.Empty(drift);
        Assert.True(long.Parse(rows.Single()) > 100, "The storm should have left many task rows behind.");
    }

    /// <summary>The milestones and the project whose counters differ from their own rows (empty: no drift), by SQL of its own.</summary>
    internal static Task<List<string>> DriftAsync(TempDatabase database, long projectId) => database.QueryAsync($"""
            SELECT 'milestone ' || m."Id" FROM "Milestones" m
            WHERE m."ProjectId" = {projectId} AND (
                m."TasksTotal" <> (SELECT COUNT(*) FROM "Tasks" t WHERE t."MilestoneId" = m."Id" AND t."DeletedAt" IS NULL)
             OR m."TasksCompleted" <> (SELECT COUNT(*) FROM "Tasks" t WHERE t."MilestoneId" = m."Id" AND t."DeletedAt" IS NULL AND t."Completed")
             OR m."RaisedAmount" <> (SELECT COALESCE(SUM(s."Amount"), 0) FROM "Supports" s WHERE s."MilestoneId" = m."Id" AND s."Status" <> 'Released')
             OR m."SupportersCount" <> (SELECT COUNT(DISTINCT s."SupporterId") FROM "Supports" s WHERE s."MilestoneId" = m."Id" AND s."Status" <> 'Released'))
            UNION ALL
            SELECT 'project ' || p."Id" FROM "Projects" p
            WHERE p."Id" = {projectId} AND (
                p."MilestonesTotal" <> (SELECT COUNT(*) FROM "Milestones" m WHERE m."ProjectId" = p."Id" AND m."DeletedAt" IS NULL AND m."Type" = 'Categorised')
             OR p."MilestonesReached" <> (SELECT COUNT(*) FROM "Milestones" m WHERE m."ProjectId" = p."Id" AND m."DeletedAt" IS NULL AND m."Type" = 'Categorised' AND m."Status" = 'Reached')
             OR p."TasksTotal" <> (SELECT COUNT(*) FROM "Tasks" t JOIN "Milestones" m ON m."Id" = t."MilestoneId" WHERE t."ProjectId" = p."Id" AND t."DeletedAt" IS NULL AND m."DeletedAt" IS NULL)
             OR p."TasksCompleted" <> (SELECT COUNT(*) FROM "Tasks" t JOIN "Milestones" m ON m."Id" = t."MilestoneId" WHERE t."ProjectId" = p."Id" AND t."DeletedAt" IS NULL AND m."DeletedAt" IS NULL AND t."Completed"))
            """);
}
