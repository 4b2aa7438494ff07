using Milestones.Application.Common.Exceptions;
using Milestones.Application.Milestones;
using Milestones.Application.Projects.Queries.ListProjectOwners;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Api.Compat.Artist;

// Seed 000's wire (artdst): a user's milestones, in that user's personal project; `goal` is the goal
// amount and `raised` what supporters pledged.

public sealed record ArtistMilestone(
    long Id, long UserId, string Username, string Title, decimal? Goal, string Description, decimal Raised, int SupportersCount,
    MilestoneStatus Status, DateTime CreatedAt)
{
    public static ArtistMilestone From(MilestoneDto m, IEnumerable<ProjectOwnerDto> owners)
    {
        var owner = owners.FirstOrDefault(o => o.ProjectId == m.ProjectId);
        return new(m.Id, owner?.UserId ?? 0, owner?.Username ?? "", m.Title, m.GoalAmount, m.Description, m.RaisedAmount, m.SupportersCount, m.Status, m.CreatedAt);
    }
}

public sealed record ArtistAdded(ArtistMilestone Milestone);

public sealed record ArtistList(IReadOnlyList<ArtistMilestone> Milestones);

public sealed record ArtistUpdated(bool Updated, ArtistMilestone Milestone);

public sealed record ArtistDeleted(bool Deleted);

// add: goal is required (> 0); the description also gives the title (its first line).
public sealed record NewArtistMilestone(decimal? Goal, string? Description);

// update: the goal, the description, or both.
public sealed record ArtistMilestoneUpdate(decimal? Goal, string? Description)
{
    public MilestoneChanges ToChanges() => Goal is null && Description is null
        ? throw new ValidationFailedException("body", "Send goal, description or both.")
        : new MilestoneChanges { GoalAmount = Goal is { } goal ? goal : default(Domain.Common.Optional<decimal?>), Description = Description };
}
