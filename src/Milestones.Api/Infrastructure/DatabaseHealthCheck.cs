using Microsoft.Extensions.Diagnostics.HealthChecks;
using Milestones.Infrastructure.Persistence;

namespace Milestones.Api.Infrastructure;

/// <summary>Ready when the database answers.</summary>
public sealed class DatabaseHealthCheck(ApplicationDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database is reachable.")
            : HealthCheckResult.Unhealthy("The database is not reachable.");
}
