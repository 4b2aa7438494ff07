using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Milestones.Api.Tests.Support;
using Xunit.Abstractions;

namespace Milestones.Api.Tests;

/// <summary>
/// SPEC 7, on the published API in a child process: SIGKILL during writes loses no acknowledged
/// write and leaves no drift; SIGTERM drains in-flight requests, uploads included; forwarded
/// addresses count only from a trusted proxy.
/// </summary>
[Collection(nameof(ProcessLifecycleTests))]
public sealed class ProcessLifecycleTests(ITestOutputHelper output) : IDisposable
{
    private const int KillRuns = 3;
    private const int Writers = 8;
    private const int WritesPerRun = 40;
    private readonly TempDatabase _database = new();


    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Killing_the_process_during_writes_loses_no_acknowledged_write_and_recount_fixes_nothing()
    {
        long projectId, milestoneId;
        await using (var first = await ApiProcess.StartAsync(_database))
        {
            using var admin = first.Admin();
            projectId = (await admin.Post("/api/v1/projects", new { name = "kill -9", visibility = "public" })).Data(HttpStatusCode.Created).Id();
            milestoneId = (await admin.Post($"/api/v1/projects/{projectId}/milestones", new { title = "survives", goalAmount = 1_000_000 })).Data(HttpStatusCode.Created).Id();
        }

        var acknowledged = new ConcurrentBag<(string Url, string Kind)>();
        for (var run = 0; run < KillRuns; run++)
        {
            await using var api = await ApiProcess.StartAsync(_database);
            using var stop = new CancellationTokenSource();
            var before = acknowledged.Count;
            var writers = Enumerable.Range(0, Writers).Select(w => WriteUntilKilledAsync(api, milestoneId, w, acknowledged, stop.Token)).ToList();

            // Kill mid-stream once enough writes were acknowledged, however busy the machine is (at most 60 s).
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count - before < WritesPerRun && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            await api.KillAsync();
            stop.Cancel();
            await Task.WhenAll(writers);
        }

        await using var restarted = await ApiProcess.StartAsync(_database);
        using var client = restarted.Admin();
        var missing = new List<string>();
        foreach (var (url, kind) in acknowledged)
        {
            var (status, body, _) = await client.Get(url);
            if (status != HttpStatusCode.OK || (kind == "completed" && body!["data"]!["completed"]!.GetValue<bool>() is false))
            {
                missing.Add($"{kind} {url} → {(int)status}");
            }
        }

        var recount = (await client.Post($"/api/v1/projects/{projectId}/recount")).Data();
        var milestone = (await client.Get($"/api/v1/milestones/{milestoneId}")).Data();
        output.WriteLine($"{KillRuns} SIGKILL runs, {acknowledged.Count} acknowledged writes, {missing.Count} lost, recount fixed {recount["fixed"]!.AsArray().Count}; tasksTotal {milestone.Int("tasksTotal")}, raised {milestone["raisedAmount"]}");
        Assert.True(acknowledged.Count >= KillRuns * WritesPerRun, $"Only {acknowledged.Count} writes were acknowledged before the kills; the test proves little.");
        Assert.Empty(missing);
        Assert.Empty(recount["fixed"]!.AsArray());
    }

    [Fact]
    public async Task SIGTERM_lets_an_upload_still_arriving_finish_with_201_and_the_process_exits_cleanly()
    {
        await using var api = await ApiProcess.StartAsync(_database, new Dictionary<string, string>
        {
            ["Milestones:Deadlines:Enabled"] = "true",
            ["Milestones:Deadlines:SweepInterval"] = "00:00:01",
        });
        long milestoneId;
        using (var admin = api.Admin())
        {
            var projectId = (await admin.Post("/api/v1/projects", new { name = "drain" })).Data(HttpStatusCode.Created).Id();
            milestoneId = (await admin.Post($"/api/v1/projects/{projectId}/milestones", new { title = "drained" })).Data(HttpStatusCode.Created).Id();
        }

        var body = Encoding.UTF8.GetBytes("{\"title\":\"sent across a SIGTERM\"}");
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, api.Port);
        var head = $"POST /api/v1/milestones/{milestoneId}/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {ApiFactory.AdminKey}\r\n" +
                   $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head).Concat(body.Take(6)).ToArray());
        await Task.Delay(300);

        api.Terminate();
        await Task.Delay(1500);
        Assert.False(api.HasExited, "The process exited with a request still in flight.");
        await socket.SendAsync(body.Skip(6).ToArray());
        var response = await ReadResponseAsync(socket);

        Assert.StartsWith("HTTP/1.1 201", response, StringComparison.Ordinal);
        Assert.Contains("sent across a SIGTERM", response, StringComparison.Ordinal);
        Assert.True(await api.WaitForExitAsync(TimeSpan.FromSeconds(15)), "The process did not exit after draining.");
        Assert.Equal(0, api.ExitCode);
        Assert.DoesNotContain(api.Output, line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal));
        output.WriteLine(string.Join('\n', api.Output.Where(l => l.Contains("shut", StringComparison.OrdinalIgnoreCase))));
    }

    [Fact]
    public async Task Forwarded_client_addresses_count_only_from_a_trusted_proxy()
    {
        await using var api = await ApiProcess.StartAsync(_database, new Dictionary<string, string>
        {
            ["Milestones:RateLimit:PermitsPerMinute"] = "3",
            ["Milestones:RateLimit:TrustedProxies:0"] = "127.0.0.1",
        });
        using var client = new HttpClient { BaseAddress = api.BaseAddress };

        async Task<HttpStatusCode> AsClient(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects?visibility=public");
            request.Headers.Add("X-Forwarded-For", address);
            return (await client.SendAsync(request)).StatusCode;
        }

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            first.Add(await AsClient("203.0.113.7"));
        }

        var second = await AsClient("203.0.113.8");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, second);
    }

    private static async Task WriteUntilKilledAsync(ApiProcess api, long milestoneId, int writer, ConcurrentBag<(string, string)> acknowledged, CancellationToken stop)
    {
        using var client = api.Admin(TimeSpan.FromSeconds(10));
        var random = new Random(writer);
        var mine = new List<long>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (mine.Count > 0 && random.Next(3) == 0)
                {
                    var taskId = mine[random.Next(mine.Count)];
                    var (status, _, _) = await client.Patch($"/api/v1/tasks/{taskId}", new { completed = true });
                    if (status == HttpStatusCode.OK)
                    {
                        acknowledged.Add(($"/api/v1/tasks/{taskId}", "completed"));
                    }
                }
                else if (random.Next(4) == 0)
                {
                    var (status, body, _) = await client.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 3.5m });
                    if (status == HttpStatusCode.Created)
                    {
                        acknowledged.Add(($"/api/v1/supports/{body!["data"].Id()}", "pledge"));
                    }
                }
                else
                {
                    var (status, body, _) = await client.Post($"/api/v1/milestones/{milestoneId}/tasks", new { title = $"w{writer}-{random.Next()}" });
                    if (status == HttpStatusCode.Created)
                    {
                        var id = body!["data"].Id();
                        mine.Add(id);
                        acknowledged.Add(($"/api/v1/tasks/{id}", "created"));
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or System.Text.Json.JsonException)
            {
                // The process is gone: whatever was not acknowledged may or may not have committed.
                return;
            }
        }
    }

    private static async Task<string> ReadResponseAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                return text.ToString();
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            if (text.ToString().EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal))
            {
                return text.ToString();
            }
        }
    }
}

/// <summary>The child-process tests run one at a time: each wants the machine's two cores to itself.</summary>
[CollectionDefinition(nameof(ProcessLifecycleTests), DisableParallelization = true)]
public sealed class ProcessLifecycleCollection;
