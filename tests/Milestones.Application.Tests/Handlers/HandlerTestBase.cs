using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Milestones.Application.Common.Behaviours;
using Milestones.Application.Common.Interfaces;
using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Infrastructure.Persistence;
using Milestones.Infrastructure.Persistence.Interceptors;
using Moq;

namespace Milestones.Application.Tests.Handlers;

/// <summary>
/// The real mediator pipeline and handlers on an in-memory SQLite database (the relational
/// provider, never EF InMemory). External collaborators are doubles: the caller (Moq) and the clock.
/// </summary>
public abstract class HandlerTestBase : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private ServiceProvider _services = null!;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    protected Mock<IUser> Caller { get; } = new();

    protected long UserId { get; private set; }

    protected IServiceProvider Services => _services;

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<AuditableEntityInterceptor>();
        services.AddApplicationDbContext<SqliteDbContext>((sp, o) => o.UseSqlite(_connection).AddInterceptors(sp.GetRequiredService<AuditableEntityInterceptor>()));
        services.AddScoped(_ => Caller.Object);
        _services = services.BuildServiceProvider();

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.Database.MigrateAsync();
        var user = User.Create("tester", "Tester", false, Clock.GetUtcNow().UtcDateTime);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        UserId = user.Id;
        ActAs(UserId, Scopes.Read, Scopes.Write);
    }

    protected void ActAsSystem()
    {
        ActAs(null);
        Caller.SetupGet(u => u.IsSystem).Returns(true);
    }

    protected void ActAs(long? userId, params string[] scopes)
    {
        Caller.SetupGet(u => u.IsSystem).Returns(false);
        Caller.SetupGet(u => u.Id).Returns(userId);
        Caller.SetupGet(u => u.IsAuthenticated).Returns(userId is not null);
        Caller.SetupGet(u => u.Scopes).Returns(scopes);
        Caller.Setup(u => u.HasScope(It.IsAny<string>())).Returns<string>(scopes.Contains);
    }

    protected async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request);
    }

    protected async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    protected async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    protected async Task<long> NewUserAsync(string username)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var user = User.Create(username, username, false, Clock.GetUtcNow().UtcDateTime);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    protected async Task<T> DbAsync<T>(Func<ApplicationDbContext, Task<T>> read)
    {
        await using var scope = _services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
