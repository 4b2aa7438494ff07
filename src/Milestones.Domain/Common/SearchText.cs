using System.Globalization;
using System.Text;

namespace Milestones.Domain.Common;

/// <summary>
/// The form text is searched in: accents removed (Unicode decomposition, combining marks dropped),
/// then lower-cased for every script (final sigma as sigma). Stored beside a milestone and applied to
/// the search term, so <c>ecole</c>, <c>école</c> and <c>ÉCOLE</c> find each other on every database.
/// </summary>
public static class SearchText
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant().Replace('ς', 'σ');
    }

    /// <summary>What a milestone is found by: its title and description, folded, one line each.</summary>
    public static string ForMilestone(string title, string description) => Fold(title) + "\n" + Fold(description);

    /// <summary>The length of the pieces the search index keeps.</summary>
    public const int TrigramLength = 3;

    /// <summary>
    /// What a text is padded with at its end before it is cut into indexed pieces (never part of a folded
    /// term: a control character), so every position of the text starts a piece, and a term of one or two
    /// characters is the beginning of a piece wherever it occurs (<see cref="PrefixRange"/>).
    /// </summary>
    public const char Pad = '\u0003';

    /// <summary>The pieces a milestone's (folded) search text is indexed by: those of the text padded at its end.</summary>
    public static IReadOnlySet<long> IndexedPieces(string folded) => Trigrams(folded + Pad + Pad);

    /// <summary>
    /// For a term of one or two characters, the range of piece numbers that begin with it (inclusive);
    /// null for a longer or empty term, which is searched by its own pieces.
    /// </summary>
    public static (long From, long To)? PrefixRange(string folded) => folded.Length switch
    {
        1 => ((long)folded[0] << 32, ((long)folded[0] << 32) | 0xFFFF_FFFFL),
        2 => (((long)folded[0] << 32) | ((long)folded[1] << 16), ((long)folded[0] << 32) | ((long)folded[1] << 16) | 0xFFFFL),
        _ => null,
    };

    /// <summary>
    /// The distinct three-character pieces of a (folded) text, each as one number: the three UTF-16
    /// code units side by side (16 bits each), so equal pieces are equal numbers on every database and
    /// no collation takes part. A text contains a term only if it contains every piece of the term:
    /// the index of a text's pieces finds a superset of its matches, which a substring test confirms.
    /// </summary>
    public static IReadOnlySet<long> Trigrams(string folded)
    {
        var grams = new HashSet<long>();
        for (var i = 0; i + TrigramLength <= folded.Length; i++)
        {
            grams.Add(((long)folded[i] << 32) | ((long)folded[i + 1] << 16) | folded[i + 2]);
        }

        return grams;
    }
}
