using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Application.Common.Interfaces;
using Milestones.Infrastructure.Persistence;

namespace Milestones.Application.Tests.Handlers;

/// <summary>
/// The shared registration gives each scope's pooled context back once, after the scope's last use. A scope
/// that resolved it as both <see cref="IApplicationDbContext"/> and <see cref="ApplicationDbContext"/>
/// disposes that one object twice (the container keeps every factory-made disposable it hands out); if the
/// first disposal gave the context back to the pool, another scope could take it before the second, which
/// then disposed it under that scope (a rare 500: "Cannot access a disposed context instance").
/// </summary>
public sealed class ContextLeaseTests : HandlerTestBase
{
    [Fact]
    public async Task A_context_a_scope_has_given_back_is_never_disposed_again_by_it_while_another_scope_uses_it()
    {
        // Arrange: scope A uses the context under both of its names, and the container's first disposal of
        // it runs; scope B then takes a context from the pool.
        var first = Services.CreateAsyncScope();
        var used = first.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        Assert.Same(used, first.ServiceProvider.GetRequiredService<IApplicationDbContext>());
        await used.DisposeAsync(); // what the container does first when scope A ends
        await using var second = Services.CreateAsyncScope();
        var other = second.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        // Act: the rest of scope A's end, the second disposal among it.
        await first.DisposeAsync();

        // Assert: scope B's context still works, and it still has its scope's publisher of domain events.
        Assert.True(await other.Users.AnyAsync());
        other.Users.Add(Domain.Entities.User.Create("leased", "Leased", false, Clock.GetUtcNow().UtcDateTime));
        Assert.Equal(1, await other.SaveChangesAsync(CancellationToken.None));
    }
}
