using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Events;

/// <summary>
/// The milestone's <see cref="Milestone.SearchText"/> was set (created, or title or description
/// changed): its search index entries are rebuilt from the text it has when the event is handled.
/// Not part of the activity log (<see cref="MilestoneCreated"/> and <see cref="MilestoneUpdated"/> are).
/// </summary>
public sealed record MilestoneTextChanged(Milestone Milestone) : DomainEvent;
