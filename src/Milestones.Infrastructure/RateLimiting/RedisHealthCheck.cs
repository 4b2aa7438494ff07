using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Milestones.Infrastructure.RateLimiting;

/// <summary>
/// Redis, reported beside the database by <c>/health/ready</c>: healthy when it answers a PING, degraded (still
/// 200: the service serves, each instance counting its rate limit alone) when it does not, so a Redis outage
/// never takes every instance out of the load balancer.
/// </summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var took = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"Redis answered in {took.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis is not reachable: the rate limit counts on each instance alone.");
        }
    }
}
