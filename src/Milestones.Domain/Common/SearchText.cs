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

    /// <summary>The length of the pieces the search index keeps; a shorter term cannot use it.</summary>
    public const int TrigramLength = 3;

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
