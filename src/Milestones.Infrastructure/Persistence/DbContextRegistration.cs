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
/// The lease is EF Core's scoped one (<c>AddDbContextPool</c>): the container disposes the context once
/// per name it was resolved by (<see cref="ApplicationDbContext"/>, <see cref="IApplicationDbContext"/>),
/// and those disposals do nothing to a scoped lease; the lease, made before them, is disposed after them
/// and gives the context back once. A context from a pooled factory gave itself back at the first of those
/// disposals, so another scope could take it before the second, which then disposed it under that scope.
/// </summary>
public static class DbContextRegistration
{
    /// <summary>Pool size: contexts kept for reuse; a request beyond it gets a fresh one, never waits.</summary>
    public const int PoolSize = 256;

    public static IServiceCollection AddApplicationDbContext<TContext>(this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : ApplicationDbContext
    {
        services.AddDbContextPool<TContext>(configure, PoolSize);
        services.AddScoped<ApplicationDbContext>(sp => sp.GetRequiredService<TContext>().Lease(sp.GetRequiredService<IPublisher>()));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<ApplicationDbContext>());
        return services;
    }
}
