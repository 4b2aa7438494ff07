using Microsoft.Extensions.DependencyInjection;
using Milestones.Infrastructure.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Milestones.Infrastructure.Idempotency;

/// <summary>Every <see cref="IdempotencyOptions.CleanupInterval"/>, removes keys older than their retention.</summary>
public sealed class IdempotencyCleanup(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<IdempotencyOptions> options,
    ILogger<IdempotencyCleanup> logger) : PeriodicBackgroundService(clock, logger)
{
    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override string JobName => "Removing expired idempotency keys";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().RemoveExpiredAsync(cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} expired idempotency key(s)", removed);
        }
    }
}
