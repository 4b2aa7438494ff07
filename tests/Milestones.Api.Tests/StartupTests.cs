using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Milestones.Api.Tests;

public sealed partial class StartupTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "milestones-tests", Guid.NewGuid().ToString("N"));

    public StartupTests() => Directory.CreateDirectory(_directory);

    private WebApplicationFactory<Program> Factory(CapturingLoggerProvider? logs = null, string? bootstrapKey = null, CapturingConsole? console = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Milestones", $"Data Source={Path.Combine(_directory, "m.db")}");
            b.UseSetting("Milestones:Deadlines:Enabled", "false");
            b.UseSetting("Milestones:Bootstrap:ApiKey", bootstrapKey ?? "");
            if (logs is not null)
            {
                b.ConfigureLogging(l => l.AddProvider(logs));
            }

            if (console is not null)
            {
                b.ConfigureServices(s => s.AddSingleton<Milestones.Infrastructure.Persistence.IFirstRunKeyConsole>(console));
            }
        });

    [Fact]
    public async Task The_first_run_creates_an_admin_and_writes_its_key_once_to_the_console_and_never_to_a_logger()
    {
        // Arrange
        var logs = new CapturingLoggerProvider();
        var console = new CapturingConsole();

        // Act
        using (var first = Factory(logs, console: console))
        {
            first.CreateClient();
        }

        // Assert: the key is on the console once; the log says where it went, without it.
        var (username, key) = Assert.Single(console.Shown);
        Assert.Equal("admin", username);
        Assert.StartsWith("sk_live_", key);
        Assert.Single(logs.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("First run", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Text.Contains("sk_live_", StringComparison.Ordinal));

        var again = new CapturingLoggerProvider();
        var secondConsole = new CapturingConsole();
        using var second = Factory(again, console: secondConsole);
        var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        Assert.Empty(secondConsole.Shown);
        Assert.DoesNotContain(again.Messages, m => m.Text.Contains("First run", StringComparison.Ordinal));
        var me = await client.GetAsync("/api/v1/users/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("\"isAdmin\":true", await me.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bootstrap_key_gives_a_global_admin_with_every_scope()
    {
        const string key = "sk_live_bootstrap_for_startup_tests_000000000";
        using var factory = Factory(bootstrapKey: key);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var created = await client.PostAsync("/api/v1/users", new StringContent("{\"username\":\"made-by-bootstrap\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex("sk_live_[0-9A-Za-z]+")]
    private static partial Regex KeyPattern();

    [Fact]
    public async Task The_first_run_key_is_printed_once_by_the_real_process_and_never_reaches_the_otlp_receiver()
    {
        // Arrange: a real OTLP receiver (logs, traces and metrics over HTTP) and a process with no bootstrap key.
        await using var receiver = await Support.OtlpReceiver.StartAsync();
        using var database = new Support.TempDatabase();

        // Act: the first run, then a few requests so every signal has something to export.
        await using (var api = await Support.ApiProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["Milestones:Bootstrap:ApiKey"] = "",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        }))
        {
            var key = KeyPattern().Matches(string.Join('\n', api.Output)).Select(m => m.Value).Distinct().ToList();
            using var client = new HttpClient { BaseAddress = api.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Assert.Single(key));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users/me")).StatusCode);
            await receiver.WaitForAsync("/v1/logs", "/v1/traces", "/v1/metrics");

            // Assert: printed on one console line, and nowhere in what was exported.
            Assert.Single(api.Output, line => line.Contains(key[0], StringComparison.Ordinal));
        }

        Assert.Contains(receiver.Bodies, b => b.Path == "/v1/logs" && b.Text.Contains("First run", StringComparison.Ordinal));
        Assert.DoesNotContain(receiver.Bodies, b => b.Text.Contains("sk_live_", StringComparison.Ordinal));
    }

    public sealed class CapturingConsole : Milestones.Infrastructure.Persistence.IFirstRunKeyConsole
    {
        public ConcurrentQueue<(string Username, string Secret)> Shown { get; } = new();

        public void Show(string username, string secret) => Shown.Enqueue((username, secret));
    }

    public sealed record LogEntry(LogLevel Level, string Text);

    public sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<LogEntry> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<LogEntry> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(new LogEntry(logLevel, formatter(state, exception)));
        }
    }
}
