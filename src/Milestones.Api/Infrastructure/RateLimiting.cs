using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace Milestones.Api.Infrastructure;

/// <summary><c>Milestones:RateLimit</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Milestones:RateLimit";

    /// <summary>Requests per minute per user, shared by all of the user's keys (anonymous callers: per client address); 0 turns limiting off.</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Addresses of reverse proxies whose <c>X-Forwarded-For</c> is believed; none by default.</summary>
    public string[] TrustedProxies { get; set; } = [];
}

/// <summary>
/// Per-caller fixed windows of one minute, aligned to the clock so <c>RateLimit-Reset</c> is exact.
/// Plugged into ASP.NET Core's rate-limiting middleware as its global limiter. The counts live in
/// <paramref name="counters"/>: this process (each instance counts alone), or Redis when
/// <c>Milestones:Redis:Configuration</c> is set (one budget across every instance; see README).
/// </summary>
public sealed class CallerRateLimiter(int permitsPerMinute, TimeProvider clock, Milestones.Infrastructure.RateLimiting.IWindowCounters counters)
    : PartitionedRateLimiter<HttpContext>
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>The count this request's own acquisition saw, so its headers need no second look-up.</summary>
    private static readonly object UsedKey = new();

    public int PermitLimit => permitsPerMinute;

    /// <summary>Whole seconds until the current window ends (at least 1).</summary>
    public int SecondsToReset()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var left = TimeSpan.FromTicks(Window.Ticks - (now % Window.Ticks));
        return Math.Max(1, (int)Math.Ceiling(left.TotalSeconds));
    }

    /// <summary>
    /// The partition: the user when authenticated, so every key of one user draws on one budget (a new key
    /// is no new budget), else the client address.
    /// </summary>
    public static string PartitionOf(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? "user:" + userId
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    public override RateLimiterStatistics? GetStatistics(HttpContext resource)
    {
        var used = resource.Items.TryGetValue(UsedKey, out var seen) && seen is long known
            ? known
            : counters.Used(PartitionOf(resource), CurrentWindow());
        return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permitsPerMinute - used) };
    }

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        var used = counters.TryTake(PartitionOf(resource), CurrentWindow(), permitCount, permitsPerMinute);
        resource.Items[UsedKey] = used ?? (long)permitsPerMinute;
        return used is not null
            ? Lease.Acquired
            : new Lease(false, TimeSpan.FromSeconds(SecondsToReset()));
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    private long CurrentWindow() => clock.GetUtcNow().UtcTicks / Window.Ticks;

    private sealed class Lease(bool acquired, TimeSpan? retryAfter = null) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}

public static class RateLimitingSetup
{
    public const string LimitHeader = "RateLimit-Limit";
    public const string RemainingHeader = "RateLimit-Remaining";
    public const string ResetHeader = "RateLimit-Reset";

    public static IServiceCollection AddCallerRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (options.PermitsPerMinute < 0)
        {
            throw new InvalidOperationException($"{RateLimitOptions.Section}:PermitsPerMinute must be 0 (off) or more.");
        }

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in options.TrustedProxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{RateLimitOptions.Section}:TrustedProxies has '{proxy}', which is not an IP address."));
            }
        });

        if (options.PermitsPerMinute == 0)
        {
            return services;
        }

        services.AddSingleton(sp => new CallerRateLimiter(options.PermitsPerMinute, sp.GetRequiredService<TimeProvider>(),
            sp.GetService<StackExchange.Redis.IConnectionMultiplexer>() is { } redis
                ? new Milestones.Infrastructure.RateLimiting.RedisWindowCounters(redis, sp.GetRequiredService<ILogger<Milestones.Infrastructure.RateLimiting.RedisWindowCounters>>())
                : new Milestones.Infrastructure.RateLimiting.LocalWindowCounters()));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<CallerRateLimiter>((o, limiter) =>
        {
            o.GlobalLimiter = limiter;
            o.OnRejected = async (context, cancellationToken) =>
            {
                Milestones.Application.Common.Telemetry.Telemetry.RateLimitRejected.Add(1);
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : limiter.SecondsToReset();
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"This caller may send {limiter.PermitLimit} requests a minute; retry in {retryAfter} s.");
            };
        });
        return services;
    }

    /// <summary>Trusted proxies' forwarded addresses, then the limiter, with <c>RateLimit-*</c> headers on every response it covers.</summary>
    public static IApplicationBuilder UseCallerRateLimiting(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (app.ApplicationServices.GetService<CallerRateLimiter>() is not { } limiter)
        {
            return app;
        }

        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is null)
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers[LimitHeader] = limiter.PermitLimit.ToString(CultureInfo.InvariantCulture);
                    headers[RemainingHeader] = (limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0).ToString(CultureInfo.InvariantCulture);
                    headers[ResetHeader] = limiter.SecondsToReset().ToString(CultureInfo.InvariantCulture);
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
        app.UseRateLimiter();
        return app;
    }
}
