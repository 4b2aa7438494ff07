using System.Globalization;
using System.Text;

namespace Milestones.Domain.Common;

/// <summary>
/// SPEC 7's rules for text: stored in Unicode NFC, lengths counted in characters (Unicode scalar
/// values, so one emoji is one character, not two UTF-16 units), and a name or title that holds
/// nothing visible (only whitespace, control and format characters such as NUL or a zero-width space) is none.
/// </summary>
public static class Text
{
    /// <summary>The text in NFC; text that cannot be normalised (a lone surrogate) is left as it is, for validation to judge.</summary>
    public static string Nfc(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>How many characters (Unicode scalar values) the text holds; a lone surrogate counts as one.</summary>
    public static int Length(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++, count++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        return count;
    }

    /// <summary>Nothing visible: only whitespace, control and format characters (NUL, zero-width space, BOM…).</summary>
    public static bool IsBlank(string text) =>
        text.All(c => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format);

    /// <summary>A control character (NUL, ESC…): none in a one-line text; a multi-line one may hold tabs and line breaks.</summary>
    public static bool HasControl(string text, bool multiline) =>
        text.Any(c => char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'));
}
