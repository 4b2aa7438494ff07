using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Milestones.Api.Tests.Support;

/// <summary>
/// The real service over HTTP, on its own database (<see cref="TempDatabase"/>: a SQLite file, or a
/// PostgreSQL database when the run asks for one; migrations applied at startup, as in production),
/// with a controllable clock and a known bootstrap admin key.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "sk_live_test_bootstrap_admin_key_0123456789abcdef";

    public ApiFactory()
        : this(null, new Dictionary<string, string>())
    {
    }

    /// <summary>A host on <paramref name="database"/> (shared with another host when given, else its own) with extra settings.</summary>
    internal ApiFactory(TempDatabase? database, IReadOnlyDictionary<string, string> settings, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _ownsDatabase = database is null;
        Database = database ?? new TempDatabase();
        _settings = settings;
        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    }

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDatabase;

    public TempDatabase Database { get; }

    /// <summary>The SQLite file (SQLite-only tests).</summary>
    public string DatabasePath => Database.Path;

    public FakeTimeProvider Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // A server fault in any test leaves its exception in the test output's folder, so a rare 500 can be read afterwards.
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider, ServerFaultLog>());
        builder.UseSetting("Database:Provider", TempDatabase.Provider);
        builder.UseSetting("ConnectionStrings:Milestones", Database.ConnectionString);
        builder.UseSetting("Milestones:Bootstrap:ApiKey", AdminKey);
        builder.UseSetting("Milestones:Deadlines:Enabled", "false");
        // A test class may send more than a minute's permits; RateLimitTests turns the limiter on.
        builder.UseSetting("Milestones:RateLimit:PermitsPerMinute", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
    }

    public HttpClient Anonymous() => CreateClient();

    public HttpClient Admin() => WithKey(AdminKey);

    public HttpClient WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_ownsDatabase)
        {
            Database.Dispose();
        }
    }
}

/// <summary>Appends every Error-level log (a 500's exception) to <c>server-faults.log</c> beside the test assembly.</summary>
internal sealed class ServerFaultLog : Microsoft.Extensions.Logging.ILoggerProvider
{
    public static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "server-faults.log");
    private static readonly object Gate = new();

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Error;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            lock (Gate)
            {
                File.AppendAllText(Path, $"{DateTime.UtcNow:O} {category}: {formatter(state, exception)}\n{exception}\n\n");
            }
        }
    }
}
