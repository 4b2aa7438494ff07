using Milestones.Application.Common.Search;

namespace Milestones.Application.Milestones.EventHandlers;

/// <summary>The one home of the search index's upkeep: every change of a milestone's text rebuilds its entries.</summary>
public sealed class MilestoneSearchIndexHandler(IApplicationDbContext db) : INotificationHandler<MilestoneTextChanged>
{
    public ValueTask Handle(MilestoneTextChanged notification, CancellationToken cancellationToken) =>
        new(db.ReplaceAsync(notification.Milestone, cancellationToken));
}
