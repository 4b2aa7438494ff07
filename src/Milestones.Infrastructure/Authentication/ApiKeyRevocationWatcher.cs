using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Milestones.Infrastructure.Persistence;

namespace Milestones.Infrastructure.Authentication;

/// <summary>
/// Several instances (SPEC 6): a key revoked through any instance is refused by every instance within
/// about a poll interval (default 1 s). Each instance counts the revoked keys in the database once per
/// interval, one count of the keys table and no per-request query; when the count moves, it empties its key cache,
/// so the next request with any key is checked against the database again. Keys are never un-revoked or
/// deleted, so the count only grows and every revocation moves it. The cadence is real time
/// (<see cref="TimeProvider.System"/>), not the service's business clock.
/// </summary>
public sealed class ApiKeyRevocationWatcher(
    IServiceScopeFactory scopes,
    ApiKeyCache cache,
    IOptions<ApiKeyCacheOptions> options,
    ILogger<ApiKeyRevocationWatcher> logger) : BackgroundService
{
    private long? _revoked;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RevocationPollInterval, TimeProvider.System);
        var failing = false;
        do
        {
            try
            {
                await PollAsync(stoppingToken);
                failing = false;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away: requests are failing too (503). Say so once, then keep polling.
                if (!failing)
                {
                    logger.LogWarning(ex, "Could not look for revoked API keys; retrying every {Interval}", options.Value.RevocationPollInterval);
                    failing = true;
                }

                cache.Clear(); // while it cannot be checked, nothing is served from memory
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One look: empties the cache when the number of revoked keys moved since the last look.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var revoked = await db.ApiKeys.LongCountAsync(k => k.RevokedAt != null, cancellationToken);
        if (revoked != _revoked)
        {
            cache.Clear();
            _revoked = revoked;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
