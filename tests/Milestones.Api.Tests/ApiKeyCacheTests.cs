using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Milestones.Infrastructure.Authentication;

namespace Milestones.Api.Tests;

/// <summary>The bound the README states: a remembered key lives at most KeyCacheSeconds, never past its expiry, never after a revocation here, and never past a revocation seen anywhere (Clear).</summary>
public sealed class ApiKeyCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private static readonly AuthenticatedKey Key = new(7, 3, ["milestones:read"], false);

    private ApiKeyCache Cache(int seconds = 30) => new(Options.Create(new ApiKeyCacheOptions { KeyCacheSeconds = seconds }), _clock);

    [Fact]
    public void A_remembered_key_is_served_for_the_cache_lifetime_and_not_after()
    {
        var cache = Cache();
        cache.Remember("hash", Key, expiresAt: null, cache.Generation);

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(Key, cache.Find("hash"));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public void A_key_that_expires_within_the_lifetime_is_not_served_past_its_expiry()
    {
        var cache = Cache();
        cache.Remember("hash", Key, expiresAt: _clock.GetUtcNow().UtcDateTime.AddSeconds(5), cache.Generation);

        _clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public void A_key_revoked_on_this_instance_is_never_served_from_memory_again()
    {
        var cache = Cache();
        cache.Remember("hash", Key, expiresAt: null, cache.Generation);

        cache.Forget(Key.KeyId);
        cache.Remember("hash", Key, expiresAt: null, cache.Generation);

        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public void A_lifetime_of_zero_remembers_nothing()
    {
        var cache = Cache(seconds: 0);

        cache.Remember("hash", Key, expiresAt: null, cache.Generation);

        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public void Clearing_forgets_every_key_and_a_lookup_that_began_before_it_is_not_remembered()
    {
        // Arrange: one key remembered; another lookup starts (takes the generation), then a revocation elsewhere is seen.
        var cache = Cache();
        cache.Remember("a", Key, expiresAt: null, cache.Generation);
        var startedBefore = cache.Generation;

        // Act
        cache.Clear();
        cache.Remember("b", Key with { KeyId = 8 }, expiresAt: null, startedBefore);

        // Assert
        Assert.Null(cache.Find("a"));
        Assert.Null(cache.Find("b"));
        cache.Remember("b", Key with { KeyId = 8 }, expiresAt: null, cache.Generation);
        Assert.NotNull(cache.Find("b"));
    }
}
