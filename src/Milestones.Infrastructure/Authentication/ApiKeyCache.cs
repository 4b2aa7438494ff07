using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Milestones.Application.Common.Interfaces;

namespace Milestones.Infrastructure.Authentication;

/// <summary>How long an authenticated key is remembered: <c>Milestones:Authentication:KeyCacheSeconds</c>, default 30, 0 turns it off.</summary>
public sealed class ApiKeyCacheOptions
{
    public const string Section = "Milestones:Authentication";

    public int KeyCacheSeconds { get; set; } = 30;
}

/// <summary>
/// Authenticated keys by secret hash, each for <see cref="ApiKeyCacheOptions.KeyCacheSeconds"/>, so
/// a request with a known key needs no database round trip. Expiry is still checked on every
/// request. A key revoked on this instance is never served from memory again (the database decides);
/// another instance's memory lets it through for at most the cache lifetime.
/// </summary>
public sealed class ApiKeyCache(IOptions<ApiKeyCacheOptions> options, TimeProvider clock) : IApiKeyCache
{
    private const int MaxEntries = 10_000;

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.KeyCacheSeconds);
    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, byte> _forgotten = new();

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

    public void Remember(string hash, AuthenticatedKey key, DateTime? expiresAt)
    {
        if (_lifetime <= TimeSpan.Zero || _forgotten.ContainsKey(key.KeyId))
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
}
