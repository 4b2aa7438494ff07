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

    private WebApplicationFactory<Program> Factory(CapturingLoggerProvider? logs = null, string? bootstrapKey = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Milestones", $"Data Source={Path.Combine(_directory, "m.db")}");
            b.UseSetting("Milestones:Deadlines:Enabled", "false");
            b.UseSetting("Milestones:Bootstrap:ApiKey", bootstrapKey ?? "");
            if (logs is not null)
            {
                b.ConfigureLogging(l => l.AddProvider(logs));
            }
        });

    [Fact]
    public async Task The_first_run_creates_an_admin_and_logs_its_key_once_as_a_warning()
    {
        var logs = new CapturingLoggerProvider();
        using (var first = Factory(logs))
        {
            first.CreateClient();
        }

        var warning = Assert.Single(logs.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("First run", StringComparison.Ordinal));
        var key = KeyPattern().Match(warning.Text).Value;
        Assert.StartsWith("sk_live_", key);

        var again = new CapturingLoggerProvider();
        using var second = Factory(again);
        var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

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
