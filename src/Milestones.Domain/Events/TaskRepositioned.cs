using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

/// <summary>
/// The task moved within its milestone's list, from <paramref name="From"/> to its position: the tasks
/// in between shift (not part of the activity log; <see cref="TaskUpdated"/> is).
/// </summary>
public sealed record TaskRepositioned(TaskItem Task, int From) : DomainEvent;
