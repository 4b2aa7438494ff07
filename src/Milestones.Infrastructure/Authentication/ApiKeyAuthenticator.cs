using Microsoft.EntityFrameworkCore;
using Milestones.Domain.Entities;
using Milestones.Infrastructure.Persistence;

namespace Milestones.Infrastructure.Authentication;

/// <summary>Who a valid key speaks for.</summary>
public sealed record AuthenticatedKey(long KeyId, long UserId, IReadOnlyList<string> Scopes, bool IsGlobalAdmin);

/// <summary>The answer for one secret: the key it belongs to, or why it is refused.</summary>
public sealed record KeyCheck(AuthenticatedKey? Key, string? Failure);

/// <summary>
/// Checks an API key's secret: found by its SHA-256 hash (the secret itself is never stored), active
/// by the domain's own rule (<see cref="ApiKey.IsActive"/>), and its <c>lastUsedAt</c> written at most
/// once a minute, so reading does not turn into writing. A key found active is remembered by
/// <see cref="ApiKeyCache"/> for a short time, so most requests make no database round trip here.
/// </summary>
public sealed class ApiKeyAuthenticator(ApplicationDbContext db, TimeProvider clock, ApiKeyCache cache)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<KeyCheck> CheckAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiKey.Hash(secret);
        if (cache.Find(hash) is { } remembered)
        {
            return new KeyCheck(remembered, null);
        }

        var generation = cache.Generation;
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.SecretHash == hash)
            .Select(k => new { Key = k, IsAdmin = db.Users.Where(u => u.Id == k.UserId).Select(u => u.IsAdmin).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        if (found is null)
        {
            return new KeyCheck(null, "The API key is not valid.");
        }

        if (!found.Key.IsActive(now))
        {
            return new KeyCheck(null, "The API key is expired or revoked.");
        }

        if (found.Key.LastUsedAt is null || now - found.Key.LastUsedAt > LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == found.Key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        var key = new AuthenticatedKey(found.Key.Id, found.Key.UserId, found.Key.Scopes, found.IsAdmin);
        cache.Remember(hash, key, found.Key.ExpiresAt, generation);
        return new KeyCheck(key, null);
    }
}
