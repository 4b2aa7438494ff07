using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Api.Tests.Support;
using Milestones.Infrastructure.Webhooks;

namespace Milestones.Api.Tests;

/// <summary>SPEC 9 through HTTP, with a real receiving server: subscriptions, signing, filters, retries, ping, redelivery, deactivation, leases.</summary>
public sealed class WebhooksTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Milestones:Webhooks:AllowPrivateNetworks"] = "true",
        ["Milestones:Webhooks:RetrySchedule"] = "00:01:00,00:05:00",
        ["Milestones:Webhooks:PollInterval"] = "00:00:30",
    };

    private readonly ApiFactory _factory = new(null, Settings);
    private WebhookReceiver _receiver = null!;

    private Scenario Given => new(_factory);

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _factory.Dispose();
    }

    private async Task<(long ProjectId, long WebhookId, string Secret)> SubscribedAsync(ApiFactory factory, string[] events, string? url = null)
    {
        var admin = factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("hooked") })).Data(HttpStatusCode.Created);
        var webhook = (await admin.Post($"/api/v1/projects/{project.Id()}/webhooks", new { url = url ?? _receiver.Url(), events })).Data(HttpStatusCode.Created);
        return (project.Id(), webhook.Id(), webhook.Str("secret")!);
    }

    public static bool SignatureVerifies(string secret, string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{body}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts["v1"]));
    }

    [Fact]
    public async Task Five_hanging_receivers_of_one_project_delay_no_other_projects_delivery()
    {
        // Arrange: a receiver that accepts connections and never answers (the attempt times out after the default 10 s),
        // and five webhooks of one project pointing at it, all with a delivery in flight.
        using var hanging = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        hanging.Start();
        var held = new System.Collections.Concurrent.ConcurrentBag<System.Net.Sockets.Socket>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    held.Add(await hanging.AcceptSocketAsync());
                }
                catch (Exception e) when (e is System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        });
        var admin = _factory.Admin();
        var slow = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("slow") })).Data(HttpStatusCode.Created);
        for (var i = 0; i < 5; i++)
        {
            (await admin.Post($"/api/v1/projects/{slow.Id()}/webhooks", new { url = $"http://127.0.0.1:{((IPEndPoint)hanging.LocalEndpoint).Port}/hang{i}", events = new[] { "milestone.*" } })).Data(HttpStatusCode.Created);
        }

        var (fastProject, _, _) = await SubscribedAsync(_factory, ["milestone.*"]);
        await admin.Post($"/api/v1/projects/{slow.Id()}/milestones", new { title = "held up" });
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (held.Count < 5)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {held.Count} of the 5 hanging attempts started.");
            await Task.Delay(20);
        }

        // Act
        var committed = DateTimeOffset.UtcNow;
        (await admin.Post($"/api/v1/projects/{fastProject}/milestones", new { title = "on time" })).Data(HttpStatusCode.Created);
        var arrived = (await _receiver.WaitForAsync(1, TimeSpan.FromSeconds(8))).Single();

        // Assert
        Assert.Equal("milestone.created", arrived.Event);
        Assert.True(arrived.At - committed < TimeSpan.FromSeconds(2), $"The other project's delivery took {(arrived.At - committed).TotalMilliseconds:0} ms.");
        Assert.Equal(5, held.Count);
        foreach (var socket in held)
        {
            socket.Dispose();
        }
    }

    [Fact]
    public async Task A_subscription_shows_its_secret_once_and_never_again()
    {
        var admin = _factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("hooks") })).Data(HttpStatusCode.Created);

        var created = await admin.Post($"/api/v1/projects/{project.Id()}/webhooks", new { url = _receiver.Url(), events = new[] { "milestone.*", "task.created" } });

        var webhook = created.Data(HttpStatusCode.Created);
        Assert.Matches("^whsec_[A-Za-z0-9]{32}$", webhook.Str("secret"));
        Assert.EndsWith($"/api/v1/webhooks/{webhook.Id()}", created.Response.Headers.Location!.ToString());
        var read = (await admin.Get($"/api/v1/webhooks/{webhook.Id()}")).Data();
        Assert.Null(read["secret"]);
        Assert.Equal(["milestone.*", "task.created"], read["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.True(read["active"]!.GetValue<bool>());
        Assert.Single((await admin.Get($"/api/v1/projects/{project.Id()}/webhooks")).Data().AsArray());
    }

    [Theory]
    [InlineData("not a url", null, null, "url")]
    [InlineData("ftp://example.com/hook", null, null, "url")]
    [InlineData("https://user:pass@example.com/hook", null, null, "url")]
    [InlineData(null, "milestone.exploded", null, "events")]
    [InlineData(null, "", null, "events")]
    [InlineData(null, null, "whsec_short", "secret")]
    [InlineData(null, null, "sk_live_0123456789012345678901234567890123", "secret")]
    public async Task A_bad_subscription_is_422_naming_the_field_and_creates_nothing(string? url, string? @event, string? secret, string field)
    {
        var admin = _factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("bad") })).Data(HttpStatusCode.Created);
        var events = @event switch { null => new[] { "*" }, "" => [], _ => [@event] };

        var response = await admin.Post($"/api/v1/projects/{project.Id()}/webhooks", new { url = url ?? _receiver.Url(), events, secret });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.NotEmpty(response.Body!.ErrorsFor(field));
        Assert.Empty((await admin.Get($"/api/v1/projects/{project.Id()}/webhooks")).Data().AsArray());
    }

    [Fact]
    public async Task Only_project_admins_manage_webhooks_and_outsiders_do_not_learn_they_exist()
    {
        var (projectId, webhookId, _) = await SubscribedAsync(_factory, ["*"]);
        var (_, achieverName, achiever) = await Given.UserAsync();
        await Given.AddMemberAsync(_factory.Admin(), projectId, achieverName, "achiever");
        var (_, _, outsider) = await Given.UserAsync();

        (await achiever.Get($"/api/v1/webhooks/{webhookId}")).AssertProblem(HttpStatusCode.Forbidden, "Only admins can manage webhooks");
        (await achiever.Post($"/api/v1/projects/{projectId}/webhooks", new { url = _receiver.Url(), events = new[] { "*" } })).AssertProblem(HttpStatusCode.Forbidden);
        (await outsider.Get($"/api/v1/webhooks/{webhookId}")).AssertProblem(HttpStatusCode.NotFound);
        (await outsider.Post($"/api/v1/webhooks/{webhookId}/ping")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_subscribed_event_arrives_signed_and_unsubscribed_events_are_not_sent()
    {
        var (projectId, _, secret) = await SubscribedAsync(_factory, ["milestone.status_changed"]);
        var admin = _factory.Admin();
        var milestone = (await admin.Post($"/api/v1/projects/{projectId}/milestones", new { title = "Beta" })).Data(HttpStatusCode.Created);

        await admin.Patch($"/api/v1/milestones/{milestone.Id()}", new { status = "in_progress" });

        var received = Assert.Single(await _receiver.WaitForAsync(1));
        Assert.Equal("milestone.status_changed", received.Event);
        Assert.True(SignatureVerifies(secret, received.Signature, received.Body), received.Signature);
        Assert.Equal(_factory.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(), received.Signature.Split(',')[0][2..]);
        var payload = JsonNode.Parse(received.Body)!;
        Assert.Equal("milestone.status_changed", payload.Str("type"));
        Assert.Equal(projectId, payload["projectId"]!.GetValue<long>());
        Assert.Equal(milestone.Id(), payload["milestoneId"]!.GetValue<long>());
        Assert.Equal("in_progress", payload["data"]!["to"]!.GetValue<string>());
        var logged = (await admin.Get($"/api/v1/projects/{projectId}/events?type=milestone.status_changed")).Data().AsArray();
        Assert.Equal(logged.Single()!.Id(), payload.Id());
        await _receiver.AssertQuietAsync(1);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_on_the_schedule_with_the_same_delivery_id()
    {
        var (projectId, webhookId, _) = await SubscribedAsync(_factory, ["milestone.created"]);
        var answers = new Queue<int>([500, 503, 200]);
        _receiver.Answer = _ => answers.Dequeue();
        var admin = _factory.Admin();
        var start = _factory.Clock.GetUtcNow();

        await admin.Post($"/api/v1/projects/{projectId}/milestones", new { title = "Retried" });
        await _receiver.WaitForAsync(1);
        await WaitUntilAsync(async () => (await admin.Get($"/api/v1/webhooks/{webhookId}/deliveries")).Data().AsArray().Single()!.Int("attempts") == 1);
        var pending = (await admin.Get($"/api/v1/webhooks/{webhookId}/deliveries")).Data().AsArray().Single()!;
        var next = DateTimeOffset.Parse(pending.Str("nextAttemptAt")!);
        await AdvanceUntilReceivedAsync(_factory, TimeSpan.FromSeconds(67), 2); // 1 min ± 10 %
        var all = await AdvanceUntilReceivedAsync(_factory, TimeSpan.FromMinutes(5.6), 3);

        Assert.Equal("pending", pending.Str("status"));
        Assert.Equal(500, pending.Int("lastStatusCode"));
        Assert.InRange(Encoding.UTF8.GetByteCount(pending.Str("lastResponseBody")!), 1, 1_024);
        Assert.InRange(next - start, TimeSpan.FromSeconds(54), TimeSpan.FromSeconds(66));
        Assert.Single(all.Select(r => r.Delivery).Distinct());
        await WaitUntilAsync(async () => (await admin.Get($"/api/v1/webhooks/{webhookId}/deliveries?status=delivered")).Data().AsArray().Count == 1);
        var delivered = (await admin.Get($"/api/v1/webhooks/{webhookId}/deliveries?status=delivered")).Data().AsArray().Single()!;
        Assert.Equal(3, delivered.Int("attempts"));
        Assert.Equal(200, delivered.Int("lastStatusCode"));
        Assert.Equal(all[0].Delivery, delivered.Id());
    }

    [Fact]
    public async Task A_delivery_fails_for_good_after_the_last_retry()
    {
        var (projectId, webhookId, _) = await SubscribedAsync(_factory, ["milestone.created"]);
        _receiver.Answer = _ => 500;
        var admin = _factory.Admin();

        await admin.Post($"/api/v1/projects/{projectId}/milestones", new { title = "Doomed" });
        await _receiver.WaitForAsync(1);
        await AdvanceUntilReceivedAsync(_factory, TimeSpan.FromSeconds(67), 2);
        await AdvanceUntilReceivedAsync(_factory, TimeSpan.FromMinutes(5.6), 3);
        await WaitUntilAsync(async () => (await admin.Get($"/api/v1/webhooks/{webhookId}/deliveries?status=failed")).Data().AsArray().Count == 1);

        var failed = (await admin.Get($"/api/v1/webhooks/{webhookId}/deliveries")).Data().AsArray().Single()!;
        Assert.Equal("failed", failed.Str("status"));
        Assert.Equal(3, failed.Int("attempts"));
        Assert.Null(failed["nextAttemptAt"]?.GetValue<string>());
        Assert.Equal(1, (await admin.Get($"/api/v1/webhooks/{webhookId}")).Data().Int("consecutiveFailures"));
    }

    [Fact]
    public async Task Ping_and_redeliver_send_a_delivery_with_the_same_id_again()
    {
        var (_, webhookId, secret) = await SubscribedAsync(_factory, ["task.*"]);
        var admin = _factory.Admin();

        var ping = await admin.Post($"/api/v1/webhooks/{webhookId}/ping");
        var first = (await _receiver.WaitForAsync(1)).Single();
        // Redeliver once the first attempt is recorded, as a client that saw it delivered would: while the attempt is
        // still being recorded, the two writes race for the row and the redelivery may be a retryable 409.
        await WaitUntilAsync(async () => (await admin.Get($"/api/v1/webhooks/{webhookId}/deliveries?status=delivered")).Data().AsArray().Count == 1);
        var redeliver = await admin.Post($"/api/v1/webhooks/{webhookId}/deliveries/{first.Delivery}/redeliver");
        var all = await _receiver.WaitForAsync(2);

        Assert.Equal(HttpStatusCode.Accepted, ping.Status);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.Status);
        Assert.Equal(ping.Body!["data"].Id(), first.Delivery);
        Assert.Equal("ping", first.Event);
        Assert.Null(JsonNode.Parse(first.Body)!["id"]);
        Assert.Equal(webhookId, JsonNode.Parse(first.Body)!["data"]!["webhookId"]!.GetValue<long>());
        Assert.Equal([first.Delivery, first.Delivery], all.Select(r => r.Delivery));
        Assert.All(all, r => Assert.True(SignatureVerifies(secret, r.Signature, r.Body)));
        (await admin.Post($"/api/v1/webhooks/{webhookId}/deliveries/999999/redeliver")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Twenty_failed_deliveries_in_a_row_deactivate_the_webhook_once()
    {
        using var factory = new ApiFactory(null, new Dictionary<string, string>(Settings) { ["Milestones:Webhooks:RetrySchedule"] = "" });
        var (projectId, webhookId, _) = await SubscribedAsync(factory, ["task.created"], _receiver.Url("/failing"));
        var admin = factory.Admin();
        (await admin.Post($"/api/v1/projects/{projectId}/webhooks", new { url = _receiver.Url("/watcher"), events = new[] { "webhook.*" } })).Data(HttpStatusCode.Created);
        _receiver.Answer = r => r.Path == "/failing" ? 500 : 204;
        var defaultMilestone = await new Scenario(factory).DefaultMilestoneIdAsync(admin, projectId);

        for (var i = 0; i < 21; i++)
        {
            await admin.Post($"/api/v1/milestones/{defaultMilestone}/tasks", new { title = $"task {i}" });
            if (i < 20)
            {
                await _receiver.WaitForAsync(i + 1);
            }
        }

        await WaitUntilAsync(() => Task.FromResult(_receiver.All.Count >= 21), () => string.Join(", ", _receiver.All.Select(r => $"{r.Path} {r.Event} {r.Delivery}")));
        var watcher = _receiver.All.Where(r => r.Path == "/watcher").ToList();
        var webhook = (await admin.Get($"/api/v1/webhooks/{webhookId}")).Data();
        Assert.False(webhook["active"]!.GetValue<bool>());
        Assert.Equal(20, webhook.Int("consecutiveFailures"));
        Assert.NotNull(webhook.Str("deactivatedAt"));
        Assert.Equal("webhook.deactivated", Assert.Single(watcher).Event);
        Assert.Single((await admin.Get($"/api/v1/projects/{projectId}/events?type=webhook.deactivated")).Data().AsArray());
        await _receiver.AssertQuietAsync(21); // the 21st task is not sent to the deactivated webhook
        Assert.Equal(20, _receiver.All.Count(r => r.Path == "/failing"));
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_send_each_attempt_once()
    {
        using var factory = new ApiFactory(null, new Dictionary<string, string>(Settings) { ["Milestones:Webhooks:Enabled"] = "false" });
        var (projectId, _, _) = await SubscribedAsync(factory, ["milestone.created"]);
        var admin = factory.Admin();
        for (var i = 0; i < 30; i++)
        {
            await admin.Post($"/api/v1/projects/{projectId}/milestones", new { title = $"M{i}" });
        }

        var one = ActivatorUtilities.CreateInstance<WebhookDispatcher>(factory.Services);
        var two = ActivatorUtilities.CreateInstance<WebhookDispatcher>(factory.Services);
        Assert.NotEqual(one.Owner, two.Owner);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            var dispatcher = i % 2 == 0 ? one : two;
            while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
            {
            }
        }));

        var received = await _receiver.WaitForAsync(30);
        await _receiver.AssertQuietAsync(30);
        Assert.Equal(30, received.Select(r => r.Delivery).Distinct().Count());
    }

    [Fact]
    public async Task Old_deliveries_are_purged_after_the_retention()
    {
        var (projectId, webhookId, _) = await SubscribedAsync(_factory, ["milestone.created"]);
        var admin = _factory.Admin();
        await admin.Post($"/api/v1/projects/{projectId}/milestones", new { title = "Old news" });
        await _receiver.WaitForAsync(1);
        var dispatcher = _factory.Services.GetRequiredService<WebhookDispatcher>();

        var kept = await dispatcher.PurgeAsync(CancellationToken.None);
        var before = (await admin.Get($"/api/v1/webhooks/{webhookId}/deliveries")).Data().AsArray().Count;
        _factory.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));
        await dispatcher.PurgeAsync(CancellationToken.None); // the hosted loop, woken by the clock, may purge it first: same command

        Assert.Equal(0, kept);
        Assert.Equal(1, before);
        Assert.Empty((await admin.Get($"/api/v1/webhooks/{webhookId}/deliveries")).Data().AsArray());
    }

    /// <summary>
    /// Moves the clock past a retry's due time, then on by the poll interval until the receiver has
    /// <paramref name="count"/> requests: the dispatcher may still have been recording the last attempt
    /// (not yet waiting on the clock) when the clock first moved.
    /// </summary>
    private async Task<IReadOnlyList<WebhookReceiver.Received>> AdvanceUntilReceivedAsync(ApiFactory factory, TimeSpan by, int count)
    {
        factory.Clock.Advance(by);
        for (var i = 0; i < 20; i++)
        {
            try
            {
                return await _receiver.WaitForAsync(count, TimeSpan.FromMilliseconds(500));
            }
            catch (TimeoutException)
            {
                factory.Clock.Advance(TimeSpan.FromSeconds(30));
            }
        }

        return await _receiver.WaitForAsync(count);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 s. " + state?.Invoke());
            await Task.Delay(50);
        }
    }
}
