using System.Text;

namespace CqcGuide.Site.Loading;

/// <summary>
/// Characters a page or a feed cannot carry, and invisible ones that make text say something other than it shows.
/// Control characters (C0 except tab and line breaks, DEL, C1), Unicode noncharacters and lone surrogates are errors:
/// they make <c>feed.xml</c> ill-formed and HTML invalid. Bidi overrides, embeddings and isolates, and zero-width
/// spaces are removed from front-matter values with a warning; the zero-width (non-)joiners stay, because emoji and
/// some scripts need them.
/// </summary>
public static class TextRules
{
    /// <summary>The index of the first forbidden character, or -1. Form feeds are allowed in files (some editors write
    /// them), not in values.</summary>
    public static int IndexOfForbidden(string text, bool allowFormFeed = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20)
            {
                if (c is '\t' or '\n' or '\r' || (allowFormFeed && c == '\f')) continue;
                return i;
            }
            if (c < 0x7F) continue;
            if (c <= 0x9F) return i;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return i;
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                if ((cp & 0xFFFE) == 0xFFFE) return i;
                i++;
                continue;
            }
            if (char.IsLowSurrogate(c)) return i;
            if (c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF') return i;
        }
        return -1;
    }

    /// <summary>Invisible formatting characters that are removed from values.</summary>
    public static bool IsInvisible(char c) => c is
        '\u061C' or '\u180E' or '\u200B' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064')
        or (>= '\u2066' and <= '\u2069') or '\uFEFF';

    public static bool HasInvisible(string text)
    {
        foreach (var c in text)
            if (IsInvisible(c)) return true;
        return false;
    }

    public static string WithoutInvisible(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!IsInvisible(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>How a character is named in a message: <c>U+0001</c>.</summary>
    public static string Name(string text, int index)
    {
        var c = text[index];
        var cp = char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? char.ConvertToUtf32(c, text[index + 1]) : c;
        return $"U+{cp:X4}";
    }

    /// <summary>Line and column (1-based) of <paramref name="index"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) Position(string text, int index)
    {
        var span = text.AsSpan(0, index);
        var line = span.Count('\n') + 1;
        return (line, index - (span.LastIndexOf('\n') + 1) + 1);
    }
}
