using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 5 and 7: a fault of ours is one 500 problem and one log entry carrying its trace id.</summary>
public sealed class ServerFaultTests : IDisposable
{
    private readonly ApiFactory _factory = new();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_unhandled_exception_is_answered_as_a_500_problem_and_logged_once_with_its_trace_id()
    {
        using var host = _factory.WithWebHostBuilder(b => b
            .ConfigureLogging(l => l.AddProvider(_logs))
            .ConfigureTestServices(s => s.AddControllers().AddApplicationPart(typeof(FaultyController).Assembly)));
        var client = host.CreateClient();

        var result = await client.Get("/test/fault");

        result.AssertProblem(HttpStatusCode.InternalServerError, "traceId");
        var traceId = result.Body!.Str("traceId")!;
        var logged = _logs.Entries.Where(e => e.Exception is not null).ToList();
        var entry = Assert.Single(logged);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Contains(traceId, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("boom with a secret", result.Body.Json(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/test/fault/wrapped-conflict", HttpStatusCode.Conflict, "Taken by another request.")]
    [InlineData("/test/fault/wrapped-cancellations", HttpStatusCode.ServiceUnavailable, "interrupted")]
    public async Task A_failure_wrapped_by_the_event_publisher_is_answered_as_itself_not_as_a_500(string url, HttpStatusCode expected, string detail)
    {
        // Arrange
        using var host = _factory.WithWebHostBuilder(b => b
            .ConfigureLogging(l => l.AddProvider(_logs))
            .ConfigureTestServices(s => s.AddControllers().AddApplicationPart(typeof(FaultyController).Assembly)));
        var client = host.CreateClient();

        // Act
        var result = await client.Get(url);

        // Assert
        result.AssertProblem(expected);
        Assert.Contains(detail, result.Body!.Str("detail"), StringComparison.Ordinal);
        if (expected < HttpStatusCode.InternalServerError)
        {
            Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
        }
    }

    [Fact]
    public async Task A_database_fault_inside_a_command_is_one_500_problem_and_one_log_entry()
    {
        // No webhook dispatcher: the broken database would be its fault to log too, not the request's.
        using var host = _factory.WithWebHostBuilder(b => b.UseSetting("Milestones:Webhooks:Enabled", "false").ConfigureLogging(l => l.AddProvider(_logs)));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/api/v1/users/me")).Status);
        var cascade = TempDatabase.IsPostgres ? " CASCADE" : ""; // PostgreSQL keeps the webhook deliveries' foreign key otherwise
        await _factory.Database.ExecuteAsync($"DROP TABLE \"Events\"{cascade}");

        var result = await client.Post("/api/v1/projects", new { name = "no event log" });

        result.AssertProblem(HttpStatusCode.InternalServerError);
        var entry = Assert.Single(_logs.Entries, e => e.Exception is not null || e.Level >= LogLevel.Error);
        Assert.Contains(result.Body!.Str("traceId")!, entry.Message, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
                }
            }
        }
    }
}

/// <summary>Test-only: an action that fails the way a bug would.</summary>
[ApiController]
[Route("test/fault")]
public sealed class FaultyController : ControllerBase
{
    [HttpGet]
    public IActionResult Fail() => throw new InvalidOperationException("boom with a secret sk_live_should_never_leak");

    /// <summary>What the mediator's publisher throws when a domain event's handler hits a conflict.</summary>
    [HttpGet("wrapped-conflict")]
    public IActionResult WrappedConflict() => throw new AggregateException(new Milestones.Application.Common.Exceptions.ConflictException("Taken by another request."));

    /// <summary>What the publisher throws when the request is cancelled while several handlers run.</summary>
    [HttpGet("wrapped-cancellations")]
    public IActionResult WrappedCancellations() => throw new AggregateException(new OperationCanceledException(), new TaskCanceledException());
}
