using Milestones.Domain.Common;
using Milestones.Domain.Enums;
using Milestones.Domain.Events;

namespace Milestones.Domain.Entities;

/// <summary>A pledge of support toward a milestone's goal.</summary>
public sealed class Support : BaseEntity
{
    public const int MessageMaxLength = 1_000;

    private Support() { }

    public long MilestoneId { get; private set; }

    public long ProjectId { get; private set; }

    public long SupporterId { get; private set; }

    public decimal Amount { get; private set; }

    public string Message { get; private set; } = "";

    public SupportStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public static Support Pledge(Milestone milestone, long supporterId, decimal amount, string? message, DateTime now)
    {
        if (milestone.IsDefault)
        {
            throw new DomainException("The default milestone is a bucket for tasks and takes no pledges; pledge on one of the project's other milestones.");
        }

        if (milestone.IsDeleted || !milestone.IsOpen)
        {
            throw new DomainException("Support can only be pledged on a pending or in-progress milestone.");
        }

        if (amount <= 0 || amount > Money.MaxAmount || !Money.HasAtMostTwoDecimals(amount))
        {
            throw new DomainException("A pledge is more than 0 and at most 1,000,000, with at most 2 decimals.");
        }

        var support = new Support
        {
            MilestoneId = milestone.Id,
            ProjectId = milestone.ProjectId,
            SupporterId = supporterId,
            Amount = amount,
            Message = message ?? "",
            Status = SupportStatus.Pledged,
            CreatedAt = now,
        };
        support.Raise(new SupportPledged(support));
        return support;
    }

    /// <summary>The supporter takes the pledge back; only a pledged (unresolved) support can be withdrawn.</summary>
    public void Withdraw(DateTime now)
    {
        if (Status != SupportStatus.Pledged)
        {
            throw new DomainException($"This support is already {Status.ToString().ToLowerInvariant()} and cannot be withdrawn.");
        }

        Status = SupportStatus.Released;
        ResolvedAt = now;
        Raise(new SupportWithdrawn(this));
    }
}
