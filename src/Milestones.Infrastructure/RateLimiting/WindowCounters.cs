using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Milestones.Infrastructure.RateLimiting;

/// <summary>
/// Per-partition counts of fixed windows (a window is a whole number: minutes since the epoch). Where they
/// live decides the limit's reach: <see cref="LocalWindowCounters"/> counts in this process (each instance
/// alone), <see cref="RedisWindowCounters"/> in Redis (one budget across every instance).
/// </summary>
public interface IWindowCounters
{
    /// <summary>Adds <paramref name="permits"/> to the partition's count when that keeps it within <paramref name="limit"/>; returns the count after, or null when refused.</summary>
    long? TryTake(string partition, long window, int permits, int limit);

    long Used(string partition, long window);
}

/// <summary>Counts in this process; partitions idle since an earlier window are forgotten once per window.</summary>
public sealed class LocalWindowCounters : IWindowCounters
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private long _sweptWindow;

    public long? TryTake(string partition, long window, int permits, int limit)
    {
        SweepOldWindows(window);
        return _counters.GetOrAdd(partition, _ => new Counter()).TryTake(window, permits, limit);
    }

    public long Used(string partition, long window) => _counters.TryGetValue(partition, out var counter) ? counter.Used(window) : 0;

    private void SweepOldWindows(long window)
    {
        var swept = Interlocked.Read(ref _sweptWindow);
        if (swept == window || Interlocked.CompareExchange(ref _sweptWindow, window, swept) != swept)
        {
            return;
        }

        foreach (var (partition, counter) in _counters)
        {
            if (counter.Used(window) == 0)
            {
                _counters.TryRemove(KeyValuePair.Create(partition, counter));
            }
        }
    }

    private sealed class Counter
    {
        private long _window;
        private long _used;

        public long Used(long window)
        {
            lock (this)
            {
                return _window == window ? _used : 0;
            }
        }

        public long? TryTake(long window, int permits, int limit)
        {
            lock (this)
            {
                if (_window != window)
                {
                    _window = window;
                    _used = 0;
                }

                if (_used + permits > limit)
                {
                    return null;
                }

                _used += permits;
                return _used;
            }
        }
    }
}

/// <summary>
/// Counts in Redis (<c>Milestones:Redis:Configuration</c>), so N instances share one budget: one atomic script
/// per request (check, add, expire after two windows). When Redis cannot be reached the instance counts
/// alone (<see cref="LocalWindowCounters"/>) rather than refusing everyone or letting everyone through, and
/// says so in the log at most once a minute.
/// </summary>
public sealed class RedisWindowCounters(IConnectionMultiplexer redis, ILogger<RedisWindowCounters> logger) : IWindowCounters
{
    private const string Take = """
        local used = tonumber(redis.call('GET', KEYS[1]) or '0')
        if used + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return -1 end
        used = redis.call('INCRBY', KEYS[1], ARGV[1])
        if used == tonumber(ARGV[1]) then redis.call('EXPIRE', KEYS[1], 120) end
        return used
        """;

    private readonly LocalWindowCounters _fallback = new();
    private long _warnedAt = long.MinValue;

    public long? TryTake(string partition, long window, int permits, int limit)
    {
        try
        {
            var used = (long)redis.GetDatabase().ScriptEvaluate(Take, [Key(partition, window)], [permits, limit]);
            return used < 0 ? null : used;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Warn(ex);
            return _fallback.TryTake(partition, window, permits, limit);
        }
    }

    public long Used(string partition, long window)
    {
        try
        {
            return (long?)redis.GetDatabase().StringGet(Key(partition, window)) ?? 0;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Warn(ex);
            return _fallback.Used(partition, window);
        }
    }

    private static RedisKey Key(string partition, long window) => $"milestones:ratelimit:{window}:{partition}";

    private void Warn(Exception ex)
    {
        var minute = Environment.TickCount64 / 60_000;
        if (Interlocked.Exchange(ref _warnedAt, minute) != minute)
        {
            logger.LogWarning(ex, "Redis is not reachable: the rate limit counts on this instance alone until it is");
        }
    }
}
