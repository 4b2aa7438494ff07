using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

/// <summary>
/// The milestone moved within its project's list, from <paramref name="From"/> to its position: the
/// milestones in between shift (not part of the activity log; <see cref="MilestoneUpdated"/> is).
/// </summary>
public sealed record MilestoneRepositioned(Milestone Milestone, int From) : DomainEvent;
