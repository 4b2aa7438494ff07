using Mediator;
using Milestones.Application.Common.Behaviours;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Common.Interfaces;
using Milestones.Application.Common.Security;
using Milestones.Domain.Common;
using Moq;

namespace Milestones.Application.Tests.Behaviours;

[RequiresScope(Scopes.Write)]
public sealed record WriteSomething : ICommand<int>;

[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record ReadSomething : IQuery<int>;

[RequiresScope(Scopes.Admin, GlobalAdmin = true)]
public sealed record AdministerSomething : ICommand<int>;

public sealed class AuthorizationBehaviourTests
{
    private static Mock<IUser> Caller(long? id, bool admin = false, params string[] scopes)
    {
        var user = new Mock<IUser>();
        user.SetupGet(u => u.Id).Returns(id);
        user.SetupGet(u => u.IsAuthenticated).Returns(id is not null);
        user.SetupGet(u => u.IsAdmin).Returns(admin);
        user.SetupGet(u => u.Scopes).Returns(scopes);
        user.Setup(u => u.HasScope(It.IsAny<string>())).Returns<string>(scopes.Contains);
        return user;
    }

    private static async Task<int> RunAsync<T>(T message, IUser user)
        where T : IMessage
    {
        var behaviour = new AuthorizationBehaviour<T, int>(user, new ProjectAccess(Mock.Of<IApplicationDbContext>(MockBehavior.Strict), user));
        return await behaviour.Handle(message, (_, _) => ValueTask.FromResult(42), CancellationToken.None);
    }

    [Fact]
    public async Task An_anonymous_caller_sending_a_write_gets_unauthorized()
    {
        await Assert.ThrowsAsync<UnauthorizedException>(() => RunAsync(new WriteSomething(), Caller(null).Object));
    }

    [Fact]
    public async Task An_anonymous_caller_may_send_a_read_that_allows_it()
    {
        Assert.Equal(42, await RunAsync(new ReadSomething(), Caller(null).Object));
    }

    [Fact]
    public async Task A_key_without_the_scope_is_forbidden_and_the_handler_never_runs()
    {
        var ran = false;
        var behaviour = new AuthorizationBehaviour<WriteSomething, int>(Caller(5, false, Scopes.Read).Object, new ProjectAccess(Mock.Of<IApplicationDbContext>(MockBehavior.Strict), Caller(5, false, Scopes.Read).Object));

        await Assert.ThrowsAsync<ForbiddenAccessException>(async () =>
            await behaviour.Handle(new WriteSomething(), (_, _) => { ran = true; return ValueTask.FromResult(1); }, CancellationToken.None));

        Assert.False(ran);
    }

    [Fact]
    public async Task A_key_with_the_scope_passes()
    {
        Assert.Equal(42, await RunAsync(new WriteSomething(), Caller(5, false, Scopes.Write).Object));
    }

    [Fact]
    public async Task A_global_admin_request_refuses_a_non_admin_even_with_the_admin_scope()
    {
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => RunAsync(new AdministerSomething(), Caller(5, false, Scopes.Admin).Object));
        Assert.Equal(42, await RunAsync(new AdministerSomething(), Caller(5, true, Scopes.Admin).Object));
    }
}
