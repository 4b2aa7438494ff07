using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Application.Common.Interfaces;

namespace Milestones.Infrastructure.Persistence;

/// <summary>
/// The one registration of the unit of work, shared by the service and the handler tests. Contexts
/// come from a pool (EF Core resets their change tracker between leases), so a request no longer
/// builds a context and its internal services; each lease is bound to the scope's publisher of domain
/// events, and the scope gives the context back to the pool when it ends (docs/performance.md).
/// </summary>
public static class DbContextRegistration
{
    /// <summary>Pool size: contexts kept for reuse; a request beyond it gets a fresh one, never waits.</summary>
    public const int PoolSize = 256;

    public static IServiceCollection AddApplicationDbContext<TContext>(this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : ApplicationDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure, PoolSize);
        services.AddScoped<ApplicationDbContext>(sp =>
            sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext().Lease(sp.GetRequiredService<IPublisher>()));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<ApplicationDbContext>());
        return services;
    }
}
