using System.Linq.Expressions;

namespace Milestones.Application.Common.Search;

/// <summary>
/// The search index: for every milestone, the distinct three-character pieces of its search text padded
/// at its end (<see cref="SearchText.IndexedPieces"/>), one <see cref="MilestoneTrigram"/> row each. A
/// search for a term of three characters or more reads the entries of the term's rarest piece; a term of
/// one or two characters, the entries of the pieces that begin with it (one range of the key, since the
/// padding makes every occurrence the start of a piece). Either way a few index seeks, whatever the
/// project's size, and a long term's candidates are confirmed with the substring test (a short term's
/// are its matches already: <see cref="SearchCandidates.Exact"/>), so the search finds exactly what a
/// scan of every milestone would (docs/performance.md, decision record 16).
/// </summary>
public static class MilestoneSearchIndex
{
    /// <summary>
    /// Beyond this many entries a piece is too common to be worth driving the search: reading the
    /// project's milestones in order costs about as much. The rarity count stops there too.
    /// </summary>
    public const int RareEnough = 2_000;

    /// <summary>
    /// The first count of a long term's pieces stops here: most terms of a few characters have a piece this
    /// rare, which is then their rarest, and their common pieces are not counted on to <see cref="RareEnough"/>
    /// (thousands of entries each). Only when every piece reaches it are they counted again, further.
    /// </summary>
    public const int RareAtFirstCount = 64;

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
    /// The ids of the milestones that may contain <paramref name="folded"/>, read from <paramref name="postings"/>
    /// (the index entries of the projects in scope); or null when the index cannot narrow the search: every
    /// piece of the term is common, or (a short term) the pieces beginning with it are (then a scan is as cheap).
    /// </summary>
    public static Task<SearchCandidates?> CandidatesAsync(IQueryable<MilestoneTrigram> postings, string folded, CancellationToken ct) =>
        CandidatesAsync(postings, folded, (pieces, upTo) => PieceCounts(postings, pieces, upTo).ToListAsync(ct), ct);

    /// <summary>
    /// <see cref="CandidatesAsync(IQueryable{MilestoneTrigram}, string, CancellationToken)"/> within one
    /// project, the pieces counted by a compiled query: EF Core's per-call work on the general count's
    /// expression tree (one subquery per piece) cost more than the database's.
    /// </summary>
    public static Task<SearchCandidates?> CandidatesInProjectAsync(IApplicationDbContext db, long projectId, string folded, CancellationToken ct) =>
        CandidatesAsync(db.MilestoneTrigrams.Where(t => t.ProjectId == projectId), folded, (pieces, upTo) => InProjectPieceCountsAsync(db, projectId, pieces, upTo, ct), ct);

    private static async Task<SearchCandidates?> CandidatesAsync(
        IQueryable<MilestoneTrigram> postings, string folded, Func<IReadOnlyList<long>, int, Task<List<PieceCount>>> count, CancellationToken ct)
    {
        if (SearchText.PrefixRange(folded) is var (from, to))
        {
            var beginning = postings.Where(t => t.Gram >= from && t.Gram <= to);
            return await beginning.Take(RareEnough).CountAsync(ct) >= RareEnough ? null : new(beginning.Select(t => t.MilestoneId), Exact: true);
        }

        var pieces = Sample(SearchText.Trigrams(folded).ToList());
        if (pieces.Count == 0)
        {
            return null;
        }

        var counts = (await count(pieces, RareAtFirstCount)).ToDictionary(c => c.Gram, c => c.Count);
        if (counts.Count == pieces.Count && counts.Values.Min() >= RareAtFirstCount)
        {
            counts = (await count(pieces, RareEnough)).ToDictionary(c => c.Gram, c => c.Count);
        }

        var rarest = pieces.MinBy(p => counts.GetValueOrDefault(p)); // a piece nobody has: no candidate at all
        return counts.GetValueOrDefault(rarest) >= RareEnough
            ? null
            : new(postings.Where(t => t.Gram == rarest).Select(t => t.MilestoneId), Exact: false);
    }

    /// <summary>
    /// One statement: for each piece that has an entry in <paramref name="postings"/>, its entries
    /// counted up to <paramref name="upTo"/> (a parameter: both counts send the same statement), as a
    /// scalar subquery over a range of the key (no grouping, no sort). A piece with no entry has no row.
    /// </summary>
    public static IQueryable<PieceCount> PieceCounts(IQueryable<MilestoneTrigram> postings, IReadOnlyList<long> pieces, int upTo) =>
        postings.Provider.CreateQuery<PieceCount>(EachPieceCounted(postings.Expression, [.. pieces.Select(Projections.Captured)], Projections.Captured(upTo)));

    /// <summary>The count of one piece (<see cref="PieceCounts"/>), written once for the ad-hoc and the compiled query.</summary>
    private static readonly Expression<Func<IQueryable<MilestoneTrigram>, long, int, IQueryable<PieceCount>>> OnePieceCounted = (postings, gram, upTo) =>
        postings.Where(t => t.Gram == gram).OrderBy(t => t.MilestoneId).Take(1)
            .Select(_ => new PieceCount { Gram = gram, Count = postings.Where(t => t.Gram == gram).OrderBy(t => t.MilestoneId).Take(upTo).Count() });

    private static Expression EachPieceCounted(Expression postings, IReadOnlyList<Expression> pieces, Expression upTo) =>
        pieces.Select(gram => OnePieceCounted.Inline(postings, gram, upTo))
            .Aggregate((all, next) => Expression.Call(typeof(Queryable), nameof(Queryable.Concat), [typeof(PieceCount)], all, next));

    /// <summary>No piece is this number (pieces are UTF-16 units side by side, never negative): the compiled count's unused places.</summary>
    private const long NoPiece = -1;

    private static readonly Func<DbContext, long, int, long, long, long, long, long, long, long, long, IAsyncEnumerable<PieceCount>> InProjectPieceCounts =
        EF.CompileAsyncQuery(InProjectPieceCountsQuery());

    private static Expression<Func<DbContext, long, int, long, long, long, long, long, long, long, long, IQueryable<PieceCount>>> InProjectPieceCountsQuery()
    {
        var (c, project, upTo) = (Expression.Parameter(typeof(DbContext), "c"), Expression.Parameter(typeof(long), "projectId"), Expression.Parameter(typeof(int), "upTo"));
        var pieces = Enumerable.Range(0, SampledPieces).Select(i => Expression.Parameter(typeof(long), $"piece{i}")).ToArray();
        Expression<Func<DbContext, long, IQueryable<MilestoneTrigram>>> postings = (context, projectId) =>
            context.Set<MilestoneTrigram>().Where(t => t.ProjectId == projectId);
        return Expression.Lambda<Func<DbContext, long, int, long, long, long, long, long, long, long, long, IQueryable<PieceCount>>>(
            EachPieceCounted(postings.Inline(c, project), pieces, upTo), [c, project, upTo, .. pieces]);
    }

    private static Task<List<PieceCount>> InProjectPieceCountsAsync(IApplicationDbContext db, long projectId, IReadOnlyList<long> pieces, int upTo, CancellationToken ct)
    {
        long Piece(int i) => i < pieces.Count ? pieces[i] : NoPiece;
        return InProjectPieceCounts(Compiled.Context(db), projectId, upTo, Piece(0), Piece(1), Piece(2), Piece(3), Piece(4), Piece(5), Piece(6), Piece(7))
            .ToListAsync(ct).AsTask();
    }

    /// <summary>
    /// The milestones a search starts from (<see cref="Ids"/>, possibly repeated). <see cref="Exact"/>: they
    /// are the term's matches, with no other (a term of one or two characters: every occurrence of it begins
    /// an indexed piece of the padded text, and every piece in its range begins with it, and the index is
    /// rewritten in the transaction of every text change); otherwise a superset to confirm with the substring test.
    /// </summary>
    public sealed record SearchCandidates(IQueryable<long> Ids, bool Exact);

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
