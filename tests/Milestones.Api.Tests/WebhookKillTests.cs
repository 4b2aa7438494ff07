using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Milestones.Api.Tests.Support;
using Xunit.Abstractions;

namespace Milestones.Api.Tests;

/// <summary>
/// SPEC 9's outbox on the published API in a child process: events committed while the receiver is
/// down survive a SIGKILL and all arrive once it is up; and how long a delivery takes from commit to receipt.
/// </summary>
[Collection(nameof(ProcessLifecycleTests))]
public sealed class WebhookKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Events = 25;
    private readonly TempDatabase _database = new();

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Milestones:Webhooks:AllowPrivateNetworks"] = "true",
        ["Milestones:Webhooks:Timeout"] = "00:00:02",
        ["Milestones:Webhooks:PollInterval"] = "00:00:01",
        ["Milestones:Webhooks:RetrySchedule"] = "00:00:01,00:00:01,00:00:02,00:00:02,00:00:03,00:00:05,00:00:05,00:00:10,00:00:10,00:00:10,00:00:10",
    };

    public void Dispose() => _database.Dispose();


    [Fact]
    public async Task Events_committed_while_the_receiver_is_down_all_arrive_after_a_SIGKILL_and_restart()
    {
        var port = LoopbackPorts.Free();
        long projectId;
        HashSet<long> committed;
        await using (var first = await ApiProcess.StartAsync(_database, Settings))
        {
            using var admin = first.Admin();
            projectId = (await admin.Post("/api/v1/projects", new { name = "outbox" })).Data(HttpStatusCode.Created).Id();
            (await admin.Post($"/api/v1/projects/{projectId}/webhooks", new { url = $"http://127.0.0.1:{port}/hooks", events = new[] { "milestone.*" } })).Data(HttpStatusCode.Created);
            for (var i = 0; i < Events; i++)
            {
                (await admin.Post($"/api/v1/projects/{projectId}/milestones", new { title = $"M{i}" })).Data(HttpStatusCode.Created);
            }

            committed = (await admin.Get($"/api/v1/projects/{projectId}/events?type=milestone.created&limit=100")).Data().AsArray().Select(e => e.Id()).ToHashSet();
            await first.KillAsync();
        }

        await using var receiver = await WebhookReceiver.StartAsync(port);
        await using var second = await ApiProcess.StartAsync(_database, Settings);
        var received = await receiver.WaitForAsync(Events, TimeSpan.FromSeconds(90));

        var delivered = received.GroupBy(r => r.Delivery).Select(g => JsonNode.Parse(g.First().Body)!.Id()).ToHashSet();
        output.WriteLine($"SIGKILL with {Events} committed events and the receiver down; after restart {received.Count} requests, {delivered.Count} distinct events");
        Assert.Equal(Events, committed.Count);
        Assert.Equal(committed, delivered);

        // Commit-to-receipt latency, receiver up: one milestone at a time.
        using var admin2 = second.Admin();
        var latencies = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var before = receiver.All.Count;
            var sentAt = DateTimeOffset.UtcNow; // an upper bound: the commit comes a little later
            (await admin2.Post($"/api/v1/projects/{projectId}/milestones", new { title = $"Timed {i}" })).Data(HttpStatusCode.Created);
            var arrived = (await receiver.WaitForAsync(before + 1)).Last();
            latencies.Add((arrived.At - sentAt).TotalMilliseconds);
        }

        latencies.Sort();
        output.WriteLine($"commit-to-receipt over 20 events: median {latencies[10]:0} ms, max {latencies[^1]:0} ms");
        Assert.True(latencies[10] < 2_000, $"median {latencies[10]} ms: the dispatcher is not woken on commit");
    }
}
