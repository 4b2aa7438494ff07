using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;
using Milestones.Domain.Events;

namespace Milestones.Domain.Tests;

public sealed class SupportTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static Support Pledged() =>
        Support.Pledge(Milestone.Create(1, new MilestoneDraft { Title = "Fund", GoalAmount = 100m }, 1, 7, Now), 9, 25m, null, Now);

    [Fact]
    public void Reaching_the_milestone_fulfils_a_pledge()
    {
        var support = Pledged();

        support.Fulfil(Now.AddDays(1));

        Assert.Equal((SupportStatus.Fulfilled, Now.AddDays(1)), (support.Status, support.ResolvedAt));
    }

    [Fact]
    public void Failing_or_deleting_the_milestone_releases_a_pledge_without_calling_it_a_withdrawal()
    {
        var support = Pledged();
        support.ClearDomainEvents();

        support.Release(Now);

        Assert.Equal(SupportStatus.Released, support.Status);
        Assert.Empty(support.DomainEvents.OfType<SupportWithdrawn>());
    }

    [Fact]
    public void A_withdrawal_releases_the_pledge_and_says_so()
    {
        var support = Pledged();
        support.ClearDomainEvents();

        support.Withdraw(Now);

        Assert.Equal(SupportStatus.Released, support.Status);
        Assert.Single(support.DomainEvents.OfType<SupportWithdrawn>());
    }

    [Fact]
    public void A_resolved_pledge_never_changes_again()
    {
        var fulfilled = Pledged();
        fulfilled.Fulfil(Now);

        Assert.Throws<DomainException>(() => fulfilled.Release(Now));
        Assert.Throws<DomainException>(() => fulfilled.Withdraw(Now));
        Assert.Throws<DomainException>(() => fulfilled.Fulfil(Now));
    }

    [Fact]
    public void The_default_milestone_takes_no_pledge()
    {
        Project.Create("p", null, Visibility.Public, 7, Now, out var bucket);

        Assert.Throws<DomainException>(() => Support.Pledge(bucket, 9, 10m, null, Now));
    }
}
