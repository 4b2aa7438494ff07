using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Milestones.Application.Common.Interfaces;

namespace Milestones.Infrastructure.Authentication;

/// <summary>
/// <c>Milestones:Authentication</c>: how long an authenticated key is remembered (<c>KeyCacheSeconds</c>, default 30,
/// 0 turns it off) and how often each instance looks for revocations made anywhere (<c>RevocationPollInterval</c>, default 1 s).
/// </summary>
public sealed class ApiKeyCacheOptions
{
    public const string Section = "Milestones:Authentication";

    public int KeyCacheSeconds { get; set; } = 30;

    public TimeSpan RevocationPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Authenticated keys by secret hash, each for <see cref="ApiKeyCacheOptions.KeyCacheSeconds"/>, so
/// a request with a known key needs no database round trip. Expiry is still checked on every
/// request. A key revoked on this instance is never served from memory again (the database decides);
/// a revocation on another instance empties this memory within a poll of <see cref="ApiKeyRevocationWatcher"/>.
/// A lookup that began before the memory was emptied is not remembered (<see cref="Generation"/>), so a key
/// read just before its revocation committed cannot be cached past it.
/// </summary>
public sealed class ApiKeyCache(IOptions<ApiKeyCacheOptions> options, TimeProvider clock) : IApiKeyCache
{
    private const int MaxEntries = 10_000;

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.KeyCacheSeconds);
    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, byte> _forgotten = new();
    private long _generation;

    /// <summary>Moves each time the memory is emptied; taken before a database lookup and handed to <see cref="Remember"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    private sealed record Entry(AuthenticatedKey Key, DateTime? ExpiresAt, DateTime Until);

    public AuthenticatedKey? Find(string hash)
    {
        if (!_byHash.TryGetValue(hash, out var entry))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now < entry.Until && (entry.ExpiresAt is null || entry.ExpiresAt > now) && !_forgotten.ContainsKey(entry.Key.KeyId))
        {
            return entry.Key;
        }

        _byHash.TryRemove(hash, out _);
        return null;
    }

    public void Remember(string hash, AuthenticatedKey key, DateTime? expiresAt, long generation)
    {
        if (_lifetime <= TimeSpan.Zero || _forgotten.ContainsKey(key.KeyId) || generation != Generation)
        {
            return;
        }

        if (_byHash.Count >= MaxEntries)
        {
            _byHash.Clear(); // bounded memory; the keys in use come back on their next request
        }

        _byHash[hash] = new Entry(key, expiresAt, clock.GetUtcNow().UtcDateTime + _lifetime);
    }

    public void Forget(long keyId)
    {
        _forgotten[keyId] = 0;
        foreach (var (hash, entry) in _byHash)
        {
            if (entry.Key.KeyId == keyId)
            {
                _byHash.TryRemove(hash, out _);
            }
        }
    }

    /// <summary>Forgets every key: from now on each is checked against the database again, once.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _byHash.Clear();
    }
}
