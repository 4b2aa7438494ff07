using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>
/// SPEC 6 "Several instances": three published instances on one PostgreSQL and one Redis, behind nginx
/// (round robin), driven only through the load balancer, as an operator deploys them.
/// </summary>
public sealed class SeveralInstancesTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Instances = 3;

    [SeveralInstancesFact]
    public async Task Three_instances_behind_nginx_share_limits_keys_revocations_and_sweeps_and_survive_a_kill_during_a_storm()
    {
        // Arrange
        using var database = new TempDatabase();
        using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Milestones:Redis:Configuration"] = redis.Configuration,
            ["Milestones:RateLimit:PermitsPerMinute"] = "100000",
            ["Milestones:Deadlines:Enabled"] = "true",
            ["Milestones:Deadlines:SweepInterval"] = "00:00:01",
            ["Milestones:Webhooks:AllowPrivateNetworks"] = "true", // the receiver is on loopback
            ["Milestones:Webhooks:Timeout"] = "00:00:02",          // a dead instance's leases end after 9 s
            ["Milestones:Webhooks:PollInterval"] = "00:00:01",
        };
        await using var receiver = await WebhookReceiver.StartAsync();
        var instances = new List<ApiProcess>();
        try
        {
            // One instance migrates first, then the other two join it.
            instances.Add(await ApiProcess.StartAsync(database, settings));
            instances.AddRange(await Task.WhenAll(Enumerable.Range(1, Instances - 1).Select(_ => ApiProcess.StartAsync(database, settings))));
            using var balancer = await NginxBalancer.StartAsync(instances.Select(i => i.Port));
            var admin = Client(balancer.BaseAddress, ApiFactory.AdminKey);

            // 1. One rate-limit budget across the three: every answer's RateLimit-Remaining is new.
            var remaining = new List<string>();
            for (var i = 0; i < 3 * Instances; i++)
            {
                remaining.Add((await admin.Get("/api/v1/users/me")).Response.Headers.GetValues("RateLimit-Remaining").Single());
            }

            Assert.Equal(remaining.Count, remaining.Distinct().Count());

            // 2. Six racing POSTs with one Idempotency-Key, spread over the instances: one task.
            var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("several"), visibility = "public" })).Data(HttpStatusCode.Created);
            var bucket = (await admin.Post($"/api/v1/projects/{project.Id()}/milestones", new { title = "raced" })).Data(HttpStatusCode.Created);
            var raced = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.Send(HttpMethod.Post, $"/api/v1/milestones/{bucket.Id()}/tasks", new { title = "once" },
                r => r.Headers.Add("Idempotency-Key", "several-instances-race"))));
            Assert.All(raced, r => Assert.Contains(r.Status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            Assert.Equal(1, (await admin.Get($"/api/v1/milestones/{bucket.Id()}")).Data().Int("tasksTotal"));

            // 3. A key revoked through the balancer is refused by every instance within 2 s.
            var (_, alice) = await UserAsync(admin, balancer.BaseAddress);
            var key = (await alice.Post("/api/v1/users/me/api-keys", new { name = "everywhere", scopes = new[] { "milestones:read" } })).Data(HttpStatusCode.Created);
            var direct = instances.Select(i => Client(i.BaseAddress, key.Str("key")!)).ToList();
            foreach (var client in direct)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.Get("/api/v1/users/me")).Status);
            }

            await Task.Delay(1_500);
            (await alice.Delete($"/api/v1/users/me/api-keys/{key.Id()}")).Data();
            var revokedAt = Stopwatch.StartNew();
            var refusedAfter = await Task.WhenAll(direct.Select(async client =>
            {
                while ((await client.Get("/api/v1/users/me")).Status == HttpStatusCode.OK && revokedAt.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await Task.Delay(25);
                }

                return revokedAt.Elapsed;
            }));
            Assert.All(refusedAfter, took => Assert.True(took < TimeSpan.FromSeconds(2), $"An instance refused the revoked key after {took.TotalMilliseconds:0} ms."));

            // 4. Three sweepers, one deadline_missed per overdue milestone.
            var late = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("late") })).Data(HttpStatusCode.Created);
            for (var i = 0; i < 6; i++)
            {
                (await admin.Post($"/api/v1/projects/{late.Id()}/milestones", new { title = $"overdue {i}", dueDate = "2020-01-01" })).Data(HttpStatusCode.Created);
            }

            await WaitUntilAsync(async () => (await admin.Get($"/api/v1/projects/{late.Id()}/events?type=milestone.deadline_missed&limit=100")).Body!.Int("count") >= 6);
            await Task.Delay(3_000); // three more sweeps on each instance
            var missed = (await admin.Get($"/api/v1/projects/{late.Id()}/events?type=milestone.deadline_missed&limit=100")).Data().AsArray();
            Assert.Equal(6, missed.Count);
            Assert.Equal(6, missed.Select(e => e!["milestoneId"]!.GetValue<long>()).Distinct().Count());

            // 5. A storm of mixed writes from 16 clients through the balancer; one instance is killed with SIGKILL during it.
            var (stormProject, milestones, editors, supporters) = await StormSetupAsync(admin, balancer.BaseAddress);
            var webhook = (await admin.Post($"/api/v1/projects/{stormProject}/webhooks", new { url = receiver.Url(), events = new[] { "task.*", "support.*" } })).Data(HttpStatusCode.Created).Id();
            var ledger = (await admin.Post($"/api/v1/projects/{stormProject}/milestones", new { title = "ledger" })).Data(HttpStatusCode.Created).Id();
            var tasks = new ConcurrentBag<long>();
            var statuses = new ConcurrentDictionary<int, int>();
            var faults = new ConcurrentBag<string>();
            var acknowledged = new ConcurrentBag<long>();
            var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var written = await admin.Post($"/api/v1/milestones/{ledger}/tasks", new { title = Scenario.Unique("ledger") });
                        if (written.Status == HttpStatusCode.Created)
                        {
                            acknowledged.Add(written.Body!["data"].Id());
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // cut off with the killed instance: not acknowledged, so nothing is owed
                    }
                }
            });
            var clients = editors.Select((c, i) => (Client: c, Editor: true, Seed: i)).Concat(supporters.Select((c, i) => (Client: c, Editor: false, Seed: 100 + i))).ToList();
            var done = 0;
            var storm = Task.WhenAll(clients.Select(c => Task.Run(async () =>
            {
                var random = new Random(c.Seed);
                var pledges = new List<long>();
                for (var op = 0; op < 60; op++)
                {
                    try
                    {
                        var response = c.Editor
                            ? await ConcurrencyStormTests.EditAsync(c.Client, random, stormProject, milestones, tasks)
                            : await ConcurrencyStormTests.SupportAsync(c.Client, random, milestones, pledges);
                        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                        if (response.StatusCode == HttpStatusCode.InternalServerError)
                        {
                            faults.Add($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {await response.Content.ReadAsStringAsync()}");
                        }
                    }
                    catch (HttpRequestException)
                    {
                        statuses.AddOrUpdate(0, 1, (_, n) => n + 1); // cut off with the killed instance: not acknowledged
                    }

                    Interlocked.Increment(ref done);
                }
            })));
            while (Volatile.Read(ref done) < clients.Count * 20)
            {
                await Task.Delay(20);
            }

            await instances[1].KillAsync();
            await storm;
            await stop.CancelAsync();
            await writer;

            // Assert: no 500 anywhere, no drift against the rows, recount agrees, every acknowledged write is there.
            Assert.True(faults.IsEmpty, string.Join('\n', faults.Take(5)));
            Assert.True(statuses.GetValueOrDefault(201) > 150, $"Too few writes succeeded to call it a storm: {string.Join(", ", statuses)}");
            Assert.Empty(await ConcurrencyStormTests.DriftAsync(database, stormProject));
            Assert.Empty((await admin.Post($"/api/v1/projects/{stormProject}/recount")).Data()["fixed"]!.AsArray());
            Assert.NotEmpty(acknowledged);
            foreach (var id in acknowledged)
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.Get($"/api/v1/tasks/{id}")).Status);
            }

            // Webhooks: every delivery the outbox holds reaches the receiver, including those the killed instance had
            // leased (the others take them over when the lease ends); a delivery is sent twice only if the kill came
            // between the receiver's answer and its record, so at most as many as were in flight.
            await WaitUntilAsync(async () => (await admin.Get($"/api/v1/webhooks/{webhook}/deliveries?status=pending&limit=1")).Body!.Int("count") == 0, TimeSpan.FromSeconds(60));
            var deliveries = new HashSet<long>();
            for (var offset = 0; ; offset += 100)
            {
                var page = (await admin.Get($"/api/v1/webhooks/{webhook}/deliveries?limit=100&offset={offset}")).Data().AsArray();
                deliveries.UnionWith(page.Select(d => d!.Id()));
                if (page.Count < 100)
                {
                    break;
                }
            }

            var received = receiver.All.Where(r => r.Path == "/hooks").GroupBy(r => r.Delivery).ToDictionary(g => g.Key, g => g.Count());
            Assert.Empty((await admin.Get($"/api/v1/webhooks/{webhook}/deliveries?status=failed&limit=1")).Data().AsArray());
            Assert.Empty(deliveries.Except(received.Keys));
            var duplicates = received.Values.Sum(n => n - 1);
            Assert.InRange(duplicates, 0, 16);
            Assert.All(received, r => Assert.True(r.Value <= 2, $"delivery {r.Key} was sent {r.Value} times: a lease was taken over more than once"));

            // A write cut off with the killed instance may have committed all the same: at least every acknowledged one is there.
            Assert.InRange((await admin.Get($"/api/v1/milestones/{ledger}")).Data().Int("tasksTotal"), acknowledged.Count, int.MaxValue);
            output.WriteLine($"revocation refused after (ms): {string.Join(", ", refusedAfter.Select(t => t.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}");
            output.WriteLine($"rate-limit remaining across the three: {string.Join(", ", remaining)}");
            output.WriteLine($"webhook deliveries {deliveries.Count}, all received; sent twice: {duplicates}");
            output.WriteLine($"storm answers (0 = cut off by the kill): {string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))}; acknowledged ledger writes {acknowledged.Count}, all present");
            Assert.All(instances.Where((_, i) => i != 1), i => Assert.Contains(i.Output, line => line.Contains("POST", StringComparison.Ordinal)));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static HttpClient Client(Uri baseAddress, string key)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<(long Id, HttpClient Client)> UserAsync(HttpClient admin, Uri baseAddress)
    {
        var username = Scenario.Unique("user").ToLowerInvariant();
        var user = (await admin.Post("/api/v1/users", new { username, displayName = username })).Data(HttpStatusCode.Created);
        var key = (await admin.Post($"/api/v1/users/{user.Id()}/api-keys", new { name = "test", scopes = new[] { "milestones:read", "milestones:write" } })).Data(HttpStatusCode.Created);
        return (user.Id(), Client(baseAddress, key.Str("key")!));
    }

    private static async Task<(long ProjectId, ConcurrentBag<long> Milestones, List<HttpClient> Editors, List<HttpClient> Supporters)> StormSetupAsync(HttpClient admin, Uri baseAddress)
    {
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("storm"), visibility = "public" })).Data(HttpStatusCode.Created).Id();
        var milestones = new ConcurrentBag<long>();
        for (var i = 0; i < 3; i++)
        {
            milestones.Add((await admin.Post($"/api/v1/projects/{project}/milestones", new { title = $"storm {i}", goalAmount = 1_000_000 })).Data(HttpStatusCode.Created).Id());
        }

        var editors = new List<HttpClient> { admin };
        var supporters = new List<HttpClient>();
        for (var i = 0; i < 15; i++)
        {
            var (_, client) = await UserAsync(admin, baseAddress);
            var me = (await client.Get("/api/v1/users/me")).Data();
            if (i < 7)
            {
                (await admin.Put($"/api/v1/projects/{project}/members/{me.Str("username")}", new { role = "achiever" })).Data();
                editors.Add(client);
            }
            else
            {
                supporters.Add(client);
            }
        }

        return (project, milestones, editors, supporters);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(20);
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"The condition did not hold within {limit.TotalSeconds:0} s.");
            await Task.Delay(200);
        }
    }
}

/// <summary>Needs PostgreSQL (<c>MILESTONES_TEST_POSTGRES</c>), <c>redis-server</c> and <c>nginx</c>, as <c>.ci/run</c> provides; skipped with the reason elsewhere.</summary>
public sealed class SeveralInstancesFactAttribute : FactAttribute
{
    public SeveralInstancesFactAttribute()
    {
        var missing = new[]
        {
            TempDatabase.IsPostgres ? null : $"PostgreSQL ({TempDatabase.PostgresVariable})",
            RedisServer.Available ? null : "redis-server",
            NginxBalancer.Binary is not null ? null : "nginx",
        }.Where(m => m is not null).ToList();
        if (missing.Count > 0)
        {
            Skip = "Several instances need " + string.Join(", ", missing) + " (.ci/run provides them).";
        }
    }
}
