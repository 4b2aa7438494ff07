using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Milestones.Infrastructure.Hosting;

/// <summary>
/// A hosted job that runs every <see cref="Interval"/> on the <see cref="TimeProvider"/> (the first
/// run one interval after start). A failed run is logged once and retried at the next interval;
/// shutdown ends the wait and the current run through the stopping token.
/// </summary>
public abstract class PeriodicBackgroundService(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the log calls this job.</summary>
    protected abstract string JobName { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Job} failed; retrying at the next interval", JobName);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
