using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Application.Common.Interfaces;
using Milestones.Infrastructure.Persistence;
using Milestones.Infrastructure.Persistence.Interceptors;
using Milestones.Infrastructure.Persistence.Sqlite;

namespace Milestones.Infrastructure;

public static class DependencyInjection
{
    public const string DefaultSqliteConnection = "Data Source=milestones.db";

    /// <summary>
    /// A failed command or save throws, and whoever handles the exception (the HTTP exception handler,
    /// a hosted service) logs it once; EF Core's own error entries for it would repeat it, so they go to Debug.
    /// </summary>
    private static void LogFailuresOnce(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings) => warnings.Log(
        (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, Microsoft.Extensions.Logging.LogLevel.Debug),
        (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.TransactionError, Microsoft.Extensions.Logging.LogLevel.Debug),
        (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, Microsoft.Extensions.Logging.LogLevel.Debug),
        (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.QueryIterationFailed, Microsoft.Extensions.Logging.LogLevel.Debug));

    /// <summary>EF Core on the provider named by <c>Database:Provider</c> (Sqlite, the default, SqlServer or PostgreSql).</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Milestones");
        services.AddSingleton<AuditableEntityInterceptor>();
        services.AddSingleton<DatabaseTracingInterceptor>();
        services.AddSingleton<SqliteConnectionSettingsInterceptor>();
        services.AddSingleton<SqliteStatementReuseInterceptor>();
        services.AddSingleton<Webhooks.WebhookWakeInterceptor>();

        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            services.AddApplicationDbContext<SqliteDbContext>((sp, options) => options
                .UseSqlite(connectionString ?? DefaultSqliteConnection)
                .KeepConnectionsOpen()
                .ConfigureWarnings(LogFailuresOnce)
                .AddInterceptors(sp.GetRequiredService<AuditableEntityInterceptor>(), sp.GetRequiredService<DatabaseTracingInterceptor>(), sp.GetRequiredService<Webhooks.WebhookWakeInterceptor>(), sp.GetRequiredService<SqliteConnectionSettingsInterceptor>(), sp.GetRequiredService<SqliteStatementReuseInterceptor>()));
        }
        else if (provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            var serverConnection = ServerConnectionString("SqlServer", connectionString, configuration["Database:Password"]);
            services.AddApplicationDbContext<SqlServerDbContext>((sp, options) => options
                .UseSqlServer(serverConnection)
                .ConfigureWarnings(LogFailuresOnce)
                .AddInterceptors(sp.GetRequiredService<AuditableEntityInterceptor>(), sp.GetRequiredService<Webhooks.WebhookWakeInterceptor>()));
        }
        else if (provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            var serverConnection = ServerConnectionString("PostgreSql", connectionString, configuration["Database:Password"]);
            services.AddApplicationDbContext<PostgreSqlDbContext>((sp, options) => options
                .UseNpgsql(serverConnection)
                .ConfigureWarnings(LogFailuresOnce)
                .AddInterceptors(sp.GetRequiredService<AuditableEntityInterceptor>(), sp.GetRequiredService<DatabaseTracingInterceptor>(), sp.GetRequiredService<Webhooks.WebhookWakeInterceptor>()));
        }
        else
        {
            throw new ConfigurationException($"Database:Provider '{provider}' is not supported; use Sqlite, SqlServer or PostgreSql.");
        }

        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<IFirstRunKeyConsole, FirstRunKeyConsole>();
        services.AddScoped<RequestConnection>();

        services.AddOptions<Deadlines.DeadlineOptions>()
            .Bind(configuration.GetSection(Deadlines.DeadlineOptions.Section))
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "Milestones:Deadlines:SweepInterval must be a positive TimeSpan, such as 00:01:00.")
            .Validate(o => o.BatchSize is > 0 and <= 10_000, "Milestones:Deadlines:BatchSize must be between 1 and 10000.")
            .ValidateOnStart();
        if (configuration.GetSection(Deadlines.DeadlineOptions.Section).Get<Deadlines.DeadlineOptions>()?.Enabled ?? true)
        {
            services.AddHostedService<Deadlines.DeadlineSweeper>();
        }

        services.AddScoped<Authentication.ApiKeyAuthenticator>();
        services.AddOptions<Authentication.ApiKeyCacheOptions>()
            .Bind(configuration.GetSection(Authentication.ApiKeyCacheOptions.Section))
            .Validate(o => o.KeyCacheSeconds is >= 0 and <= 300, "Milestones:Authentication:KeyCacheSeconds must be between 0 and 300.")
            .Validate(o => o.RevocationPollInterval > TimeSpan.Zero && o.RevocationPollInterval <= TimeSpan.FromMinutes(1), "Milestones:Authentication:RevocationPollInterval must be a positive TimeSpan of at most 00:01:00, such as 00:00:01.")
            .ValidateOnStart();
        services.AddSingleton<Authentication.ApiKeyCache>();
        services.AddSingleton<IApiKeyCache>(sp => sp.GetRequiredService<Authentication.ApiKeyCache>());
        services.AddHostedService<Authentication.ApiKeyRevocationWatcher>();
        services.AddScoped<Idempotency.IdempotencyStore>();
        services.AddOptions<Idempotency.IdempotencyOptions>()
            .Bind(configuration.GetSection(Idempotency.IdempotencyOptions.Section))
            .Validate(o => o.Retention > TimeSpan.Zero, "Milestones:Idempotency:Retention must be a positive TimeSpan, such as 1.00:00:00.")
            .Validate(o => o.CleanupInterval > TimeSpan.Zero, "Milestones:Idempotency:CleanupInterval must be a positive TimeSpan, such as 01:00:00.")
            .ValidateOnStart();
        services.AddHostedService<Idempotency.IdempotencyCleanup>();

        AddWebhooks(services, configuration);
        AddRedis(services, configuration);
        return services;
    }

    /// <summary>
    /// A server database has no default location: its connection string must be given. Its password may
    /// come apart, as <c>Database:Password</c> (compose passes it as a secret file, read by the key-per-file
    /// configuration), so it never travels in an environment value or the connection string's text.
    /// </summary>
    public static string ServerConnectionString(string provider, string? connectionString, string? password = null)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ConfigurationException($"Database:Provider is {provider} but ConnectionStrings:Milestones is not set.");
        }

        if (string.IsNullOrEmpty(password))
        {
            return connectionString;
        }

        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        builder["Password"] = password.TrimEnd('\r', '\n'); // a secret file usually ends with a line break
        return builder.ConnectionString;
    }

    private const string RedisSetting = "Milestones:Redis:Configuration";

    /// <summary>
    /// <c>Milestones:Redis:Configuration</c> (StackExchange.Redis syntax, such as <c>redis:6379</c>): the rate limit
    /// becomes one budget across every instance, and <c>/health/ready</c> reports Redis. The connection is made
    /// in the background and retried, so a Redis that is down at startup does not stop the service.
    /// </summary>
    private static void AddRedis(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[RedisSetting] is not { Length: > 0 } setting)
        {
            return;
        }

        StackExchange.Redis.ConfigurationOptions options;
        try
        {
            options = StackExchange.Redis.ConfigurationOptions.Parse(setting);
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"{RedisSetting} is not a valid StackExchange.Redis configuration: {e.Message}");
        }

        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2_000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1_000);
        services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => StackExchange.Redis.ConnectionMultiplexer.Connect(options));
        services.AddHealthChecks().AddCheck<RateLimiting.RedisHealthCheck>("redis", tags: ["ready"]);
    }

    private static void AddWebhooks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Webhooks.WebhookOptions>()
            .Bind(configuration.GetSection(Webhooks.WebhookOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(5), "Milestones:Webhooks:Timeout must be a positive TimeSpan of at most 00:05:00, such as 00:00:10.")
            .Validate(o => o.HasValidRetrySchedule(), "Milestones:Webhooks:RetrySchedule must be a comma-separated list of TimeSpans, such as 00:01:00,00:05:00,00:30:00.")
            .Validate(o => o.Jitter is >= 0 and < 1, "Milestones:Webhooks:Jitter must be at least 0 and less than 1.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Milestones:Webhooks:PollInterval must be a positive TimeSpan, such as 00:00:05.")
            .Validate(o => o.BatchSize is > 0 and <= 1_000, "Milestones:Webhooks:BatchSize must be between 1 and 1000.")
            .Validate(o => o.MaxConcurrency is > 0 and <= 1_000, "Milestones:Webhooks:MaxConcurrency must be between 1 and 1000.")
            .Validate(o => o.Retention > TimeSpan.Zero, "Milestones:Webhooks:Retention must be a positive TimeSpan, such as 30.00:00:00.")
            .ValidateOnStart();
        services.AddSingleton<Webhooks.IHostAddressResolver, Webhooks.DnsHostAddressResolver>();
        services.AddSingleton<Webhooks.IHostOwnAddresses, Webhooks.NetworkInterfaceAddresses>();
        services.AddSingleton<Webhooks.WebhookAddressGuard>();
        services.AddSingleton<IWebhookUrlPolicy>(sp => sp.GetRequiredService<Webhooks.WebhookAddressGuard>());
        services.AddSingleton<Webhooks.WebhookDispatchSignal>();
        services.AddSingleton<IWebhookDispatchSignal>(sp => sp.GetRequiredService<Webhooks.WebhookDispatchSignal>());
        services.AddHttpClient(Webhooks.WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false, // a proxy would make the connection, past the address check
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                ConnectCallback = sp.GetRequiredService<Webhooks.WebhookAddressGuard>().ConnectAsync,
            })
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan) // each attempt has its own time-out
            .RemoveAllLoggers(); // the dispatcher logs what failed, once
        services.AddSingleton<Webhooks.WebhookDispatcher>();
        if (configuration.GetSection(Webhooks.WebhookOptions.Section).Get<Webhooks.WebhookOptions>()?.Enabled ?? true)
        {
            services.AddHostedService(sp => sp.GetRequiredService<Webhooks.WebhookDispatcher>());
        }
    }
}
