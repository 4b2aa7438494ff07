namespace Milestones.Application.Common.Search;

/// <summary>
/// The search index: for every milestone, the distinct three-character pieces of its search text padded
/// at its end (<see cref="SearchText.IndexedPieces"/>), one <see cref="MilestoneTrigram"/> row each. A
/// search for a term of three characters or more reads the entries of the term's rarest piece; a term of
/// one or two characters, the entries of the pieces that begin with it (one range of the key, since the
/// padding makes every occurrence the start of a piece). Either way a few index seeks, whatever the
/// project's size, and each candidate is confirmed with the substring test, so the search finds exactly
/// what a scan of every milestone would (docs/performance.md, decision record 16).
/// </summary>
public static class MilestoneSearchIndex
{
    /// <summary>
    /// Beyond this many entries a piece is too common to be worth driving the search: reading the
    /// project's milestones in order costs about as much. The rarity count stops there too.
    /// </summary>
    public const int RareEnough = 2_000;

    /// <summary>The pieces of a long term whose rarity is counted (evenly spread over the term).</summary>
    public const int SampledPieces = 8;

    /// <summary>
    /// Replaces the milestone's entries with those of its current search text, in the caller's
    /// transaction. Called for every text change (<see cref="Milestones.EventHandlers.MilestoneSearchIndexHandler"/>)
    /// and by the startup backfill of milestones written before the index existed.
    /// </summary>
    public static Task ReplaceAsync(this IApplicationDbContext db, Milestone milestone, CancellationToken ct) =>
        db.ReplaceSearchEntriesAsync(milestone.ProjectId, milestone.Id, SearchText.IndexedPieces(milestone.SearchText).ToList(), ct);

    /// <summary>
    /// The ids of the milestones that may contain <paramref name="folded"/> (a superset, to confirm with
    /// the substring test), read from <paramref name="postings"/> (the index entries of the projects in
    /// scope); or null when the index cannot narrow the search: every piece of the term is common, or
    /// (a short term) the pieces beginning with it are (then a scan is as cheap).
    /// </summary>
    public static async Task<IQueryable<long>?> CandidatesAsync(IQueryable<MilestoneTrigram> postings, string folded, CancellationToken ct)
    {
        if (SearchText.PrefixRange(folded) is var (from, to))
        {
            var beginning = postings.Where(t => t.Gram >= from && t.Gram <= to);
            return await beginning.Take(RareEnough).CountAsync(ct) >= RareEnough ? null : beginning.Select(t => t.MilestoneId);
        }

        var pieces = Sample(SearchText.Trigrams(folded).ToList());
        if (pieces.Count == 0)
        {
            return null;
        }

        var counts = await PieceCounts(postings, pieces).ToDictionaryAsync(c => c.Gram, c => c.Count, ct);
        var rarest = pieces.MinBy(p => counts.GetValueOrDefault(p)); // a piece nobody has: no candidate at all
        return counts.GetValueOrDefault(rarest) >= RareEnough
            ? null
            : postings.Where(t => t.Gram == rarest).Select(t => t.MilestoneId);
    }

    /// <summary>
    /// One statement: for each piece that has an entry in <paramref name="postings"/>, its entries
    /// counted up to <see cref="RareEnough"/>, as a scalar subquery over a range of the key (no
    /// grouping, no sort). A piece with no entry has no row.
    /// </summary>
    public static IQueryable<PieceCount> PieceCounts(IQueryable<MilestoneTrigram> postings, IReadOnlyList<long> pieces) =>
        pieces
            .Select(gram =>
            {
                var entries = postings.Where(t => t.Gram == gram).OrderBy(t => t.MilestoneId);
                return entries.Take(1).Select(_ => new PieceCount { Gram = gram, Count = entries.Take(RareEnough).Count() });
            })
            .Aggregate((all, next) => all.Concat(next));

    public sealed class PieceCount
    {
        public long Gram { get; init; }

        public int Count { get; init; }
    }

    private static List<long> Sample(List<long> pieces) =>
        pieces.Count <= SampledPieces
            ? pieces
            : Enumerable.Range(0, SampledPieces).Select(i => pieces[i * (pieces.Count - 1) / (SampledPieces - 1)]).ToList();
}
