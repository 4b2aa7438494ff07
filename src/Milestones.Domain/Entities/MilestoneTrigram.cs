using Milestones.Domain.Common;

namespace Milestones.Domain.Entities;

/// <summary>
/// One entry of the search index: the milestone <see cref="MilestoneId"/> of project
/// <see cref="ProjectId"/> has the piece <see cref="Gram"/> (<see cref="SearchText.Trigrams"/>) in its
/// search text. Written in bulk by the handler of <see cref="Events.MilestoneTextChanged"/>; read by the list's search.
/// </summary>
public sealed class MilestoneTrigram
{
    private MilestoneTrigram() { }

    public long ProjectId { get; private set; }

    public long Gram { get; private set; }

    public long MilestoneId { get; private set; }
}
