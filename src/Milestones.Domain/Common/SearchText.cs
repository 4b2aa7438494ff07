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
}
