using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Milestones.Api.Tests.Support;

/// <summary>A real HTTP server (Kestrel on a loopback port) that records every webhook it receives.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public sealed record Received(string Path, string Event, long Delivery, string Signature, string Body, DateTimeOffset At);

    /// <summary>The status to answer with (default 200); may change between requests.</summary>
    public Func<Received, int> Answer { get; set; } = _ => 200;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url(string path = "/hooks") => $"{_app.Urls.First()}{path}";

    public IReadOnlyList<Received> All => [.. _received];

    public static async Task<WebhookReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var received = new Received(
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers["Milestones-Event"].ToString(),
                long.TryParse(context.Request.Headers["Milestones-Delivery"], out var id) ? id : 0,
                context.Request.Headers["Milestones-Signature"].ToString(),
                await reader.ReadToEndAsync(),
                DateTimeOffset.UtcNow);
            var status = receiver.Answer(received);
            context.Response.StatusCode = status;
            if (status is >= 300 and < 400)
            {
                context.Response.Headers.Location = receiver.Url("/redirected");
            }

            receiver._received.Enqueue(received);
            receiver._arrived.Release();
            if (status is not (204 or 304))
            {
                await context.Response.WriteAsync(status >= 400 ? "receiver says no " + new string('x', 2_000) : "ok");
            }
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until <paramref name="count"/> requests in all have arrived.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (_received.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"Expected {count} webhook requests, got {_received.Count}.");
            }
        }

        return All;
    }

    /// <summary>Asserts that nothing more arrives for a while.</summary>
    public async Task AssertQuietAsync(int expectedTotal, TimeSpan? during = null)
    {
        await Task.Delay(during ?? TimeSpan.FromMilliseconds(700));
        Assert.Equal(expectedTotal, _received.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
