using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Milestones.Infrastructure.Persistence;

/// <summary>Ready when the database answers a query (bounded to 5 s, so a hanging server is reported, not waited on).</summary>
public sealed class DatabaseHealthCheck(ApplicationDbContext db) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Limit);
        try
        {
            return await db.Database.CanConnectAsync(bounded.Token)
                ? HealthCheckResult.Healthy("The database is reachable.")
                : HealthCheckResult.Unhealthy("The database is not reachable.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database did not answer within {Limit.TotalSeconds:0} s.");
        }
    }
}
