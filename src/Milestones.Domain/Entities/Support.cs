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
            Message = Text.Nfc(message ?? ""),
            Status = SupportStatus.Pledged,
            CreatedAt = now,
        };
        support.Raise(new SupportPledged(support));
        return support;
    }

    // The pledge lifecycle: pledged → fulfilled (its milestone was reached) or released (its milestone
    // failed or was deleted, or the supporter withdrew it). A resolved pledge never changes again: a
    // reached milestone that is reopened keeps its fulfilled pledges.

    /// <summary>The supporter takes the pledge back: it is released, and the money with it.</summary>
    public void Withdraw(DateTime now)
    {
        Resolve(SupportStatus.Released, now, "withdrawn");
        Raise(new SupportWithdrawn(this));
    }

    /// <summary>Its milestone was reached: the pledge is honoured.</summary>
    public void Fulfil(DateTime now) => Resolve(SupportStatus.Fulfilled, now, "fulfilled");

    /// <summary>Its milestone failed or was deleted: the pledge comes back to the supporter.</summary>
    public void Release(DateTime now) => Resolve(SupportStatus.Released, now, "released");

    private void Resolve(SupportStatus to, DateTime now, string verb)
    {
        if (Status != SupportStatus.Pledged)
        {
            throw new DomainException($"This support is already {Status.ToString().ToLowerInvariant()} and cannot be {verb}.");
        }

        Status = to;
        ResolvedAt = now;
    }
}
