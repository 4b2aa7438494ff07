using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 8: a span per mediator request and per SQLite command, the business metrics, and OTLP export only when asked.</summary>
public sealed class TelemetryTests(ApiFactory factory, Xunit.Abstractions.ITestOutputHelper output) : ApiTestBase(factory)
{
    [Fact]
    public async Task A_pledge_gives_a_span_for_its_command_with_database_spans_inside_and_counts_the_money()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Milestones", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var pledged = new ConcurrentBag<double>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "milestones.pledged.amount")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((_, value, _, _) => pledged.Add(value));
        meters.Start();
        var project = await Given.ProjectAsync(Admin);
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "funded", goalAmount = 500 });

        var traceId = ActivityTraceId.CreateRandom();

        (await Admin.Send(HttpMethod.Post, $"/api/v1/milestones/{milestone.Id()}/supports", new { amount = 123.45m },
            r => r.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01"))).Data(HttpStatusCode.Created);

        var command = Assert.Single(spans, s => s.DisplayName == "PledgeSupportCommand" && s.TraceId == traceId);
        var inside = spans.Where(s => s.TraceId == command.TraceId && s.Source.Name == "Milestones.Database").ToList();
        foreach (var span in spans.Where(s => s.TraceId == traceId).OrderBy(s => s.StartTimeUtc))
        {
            output.WriteLine($"{span.Source.Name,-22} {span.DisplayName} {span.Duration.TotalMilliseconds:0.0} ms");
        }

        Assert.Contains(inside, s => s.DisplayName == "INSERT" && (string?)s.GetTagItem("db.system") == (TempDatabase.IsPostgres ? "postgresql" : "sqlite"));
        Assert.All(inside, s => Assert.True(s.StartTimeUtc >= command.StartTimeUtc));
        Assert.Contains(123.45, pledged);
    }

    [Fact]
    public async Task With_an_otlp_endpoint_traces_logs_and_every_metric_of_the_service_reach_a_real_receiver()
    {
        // Arrange: a real OTLP/HTTP receiver, and the service exporting to it every half second, with a
        // rate limit low enough to reach, a deadline sweep every second, and a webhook it may deliver to
        // on loopback (the receiver answers 200 to any path).
        await using var receiver = await OtlpReceiver.StartAsync();
        using var database = new TempDatabase();
        await using var api = await ApiProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["Milestones:RateLimit:PermitsPerMinute"] = "8",
            ["Milestones:Deadlines:Enabled"] = "true",
            ["Milestones:Deadlines:SweepInterval"] = "00:00:01",
            ["Milestones:Webhooks:AllowPrivateNetworks"] = "true",
            ["Milestones:Webhooks:PollInterval"] = "00:00:01",
        });
        using var client = api.Admin();
        Uri At(string path) => new(api.BaseAddress, path);

        // Act: a webhook, then a pledge (which every business metric of money follows and the webhook
        // delivers), then requests until the rate limiter rejects one.
        var project = await (await client.PostAsJsonAsync(At("/api/v1/projects"), new { name = "otlp" })).Content.ReadFromJsonAsync<JsonNode>();
        var projectId = project!["data"]!["id"];
        var webhook = await client.PostAsJsonAsync(At($"/api/v1/projects/{projectId}/webhooks"), new { url = receiver.Endpoint + "/hooks", events = new[] { "support.*" } });
        var milestone = await (await client.PostAsJsonAsync(At($"/api/v1/projects/{projectId}/milestones"), new { title = "funded", goalAmount = 500 })).Content.ReadFromJsonAsync<JsonNode>();
        var pledge = await client.PostAsJsonAsync(At($"/api/v1/milestones/{milestone!["data"]!["id"]}/supports"), new { amount = 12.5m });
        var rejected = false;
        for (var i = 0; i < 40 && !rejected; i++)
        {
            rejected = (await client.GetAsync(At("/api/v1/users/me"))).StatusCode == HttpStatusCode.TooManyRequests;
        }

        await receiver.WaitForAsync("/v1/traces", "/v1/metrics");
        string[] expected =
        [
            "milestones.pledged.amount", "milestones.rate_limit.rejected", "milestones.deadline.sweeps", "milestones.deadline.milestones",
            "milestones.webhook.deliveries", "dotnet.gc.collections", "dotnet.thread_pool.thread.count", "microsoft.entityframeworkcore.",
        ];
        const string route = "api/v1/milestones/{milestoneId:long}/supports";
        string Exported() => string.Concat(receiver.Bodies.Where(b => b.Path == "/v1/metrics").Select(b => b.Text));
        bool Logged() => receiver.Bodies.Any(b => b.Path == "/v1/logs" && b.Text.Contains(route, StringComparison.Ordinal));
        bool Delivered() => receiver.Bodies.Any(b => b.Path == "/hooks");
        var deadline = DateTime.UtcNow.AddSeconds(30); // exports come every half second; a loaded machine may take a while
        while (DateTime.UtcNow < deadline && !(expected.All(m => Exported().Contains(m, StringComparison.Ordinal)) && Logged() && Delivered()))
        {
            await Task.Delay(200);
        }

        // Assert: the calls were answered as expected, and every metric arrived at the receiver (a
        // Counter<decimal> never did; traces arrived too, or WaitForAsync would have failed), with the
        // runtime's and the database's metrics and the log records.
        Assert.Equal(HttpStatusCode.Created, webhook.StatusCode);
        Assert.Equal(HttpStatusCode.Created, pledge.StatusCode);
        Assert.True(rejected, "The rate limiter never answered 429.");
        Assert.True(Delivered(), "The webhook delivery never reached its receiver.");
        var exported = Exported();
        var missing = expected.Where(metric => !exported.Contains(metric, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"Not exported: {string.Join(", ", missing)}; exported: " +
            string.Join(", ", System.Text.RegularExpressions.Regex.Matches(exported, @"(dotnet|microsoft|npgsql|milestones)\.[a-z_.]+").Select(m => m.Value).Distinct()));
        Assert.Contains("delivered", exported, StringComparison.Ordinal); // the webhook.deliveries outcome attribute
        Assert.True(Logged(), "The request's log record, with its route template, did not reach the receiver.");
    }
}
