using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
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
        var pledged = new ConcurrentBag<decimal>();
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
        meters.SetMeasurementEventCallback<decimal>((_, value, _, _) => pledged.Add(value));
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
        Assert.Contains(123.45m, pledged);
    }

    [Fact]
    public async Task With_an_otlp_endpoint_traces_and_metrics_are_exported_there()
    {
        var port = LoopbackPorts.Free();
        var received = new ConcurrentBag<string>();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        _ = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                try
                {
                    var context = await collector.GetContextAsync();
                    received.Add(context.Request.Url!.AbsolutePath);
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        });
        using var database = new TempDatabase();
        await using var api = await ApiProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        using var client = api.Admin();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(api.BaseAddress, "/api/v1/projects"))).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !(received.Contains("/v1/traces") && received.Contains("/v1/metrics")))
        {
            await Task.Delay(100);
        }

        Assert.Contains("/v1/traces", received);
        Assert.Contains("/v1/metrics", received);
    }

}
