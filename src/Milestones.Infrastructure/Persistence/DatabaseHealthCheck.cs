using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Milestones.Infrastructure.Persistence;

/// <summary>Ready when the database answers.</summary>
public sealed class DatabaseHealthCheck(ApplicationDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database is reachable.")
            : HealthCheckResult.Unhealthy("The database is not reachable.");
}
