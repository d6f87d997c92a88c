namespace CqcGuide.Site.Markdown;

/// <summary>
/// Caps the Markdown work per file before Markdig sees it. Markdig's inline parser does work that grows with the square
/// of the emphasis markers and link brackets left open in one paragraph (100,000 <c>[a](</c> took two minutes), so a
/// paragraph may hold at most <see cref="MaxPerParagraph"/> of each, and a file at most <see cref="MaxWork"/> of their
/// squares summed over its paragraphs (a few seconds of work in the worst case). Real pages use a few dozen.
/// </summary>
public static class MarkdownLimits
{
    public const int MaxPerParagraph = 2_000;
    public const long MaxWork = 8_000_000;

    public static bool Check(string body, int firstLine, string path, DiagnosticBag diagnostics)
    {
        long emphasisWork = 0, bracketWork = 0;
        var line = 1;
        var chunkLine = 0; // the first line of the paragraph being counted (0: none yet)
        int emphasis = 0, brackets = 0;
        for (var i = 0; i <= body.Length; i++)
        {
            var end = i == body.Length;
            var c = end ? '\n' : body[i];
            if (c == '\n')
            {
                // A blank line ends a paragraph (an over-estimate of a paragraph's size otherwise, which is the safe side).
                if (end || IsBlankFrom(body, i + 1))
                {
                    if (chunkLine > 0 && !Settle(ref emphasisWork, ref bracketWork, emphasis, brackets, firstLine + chunkLine - 1, path, diagnostics)) return false;
                    emphasis = brackets = 0;
                    chunkLine = 0;
                }
                line++;
                continue;
            }
            if (chunkLine == 0 && c is not (' ' or '\t')) chunkLine = line;
            if (c == '*' || (c == '_' && (i == 0 || !char.IsLetterOrDigit(body[i - 1]) || i + 1 == body.Length || !char.IsLetterOrDigit(body[i + 1])))) emphasis++;
            else if (c == '[') brackets++;
        }
        return true;
    }

    private static bool IsBlankFrom(string body, int start)
    {
        for (var j = start; j < body.Length; j++)
        {
            if (body[j] == '\n') return true;
            if (body[j] is not (' ' or '\t')) return false;
        }
        return true;
    }

    private static bool Settle(ref long emphasisWork, ref long bracketWork, int emphasis, int brackets, int line, string path, DiagnosticBag diagnostics)
    {
        emphasisWork += (long)emphasis * emphasis;
        bracketWork += (long)brackets * brackets;
        string? what = emphasis > MaxPerParagraph ? $"{emphasis:N0} emphasis markers (* or _)"
            : brackets > MaxPerParagraph ? $"{brackets:N0} link brackets ([)"
            : emphasisWork > MaxWork ? "more emphasis markers (* or _) across its paragraphs"
            : bracketWork > MaxWork ? "more link brackets ([) across its paragraphs" : null;
        if (what is null) return true;
        diagnostics.Error(Codes.MarkdownTooComplex,
            what.StartsWith("more", StringComparison.Ordinal) ? $"the Markdown has {what} than the build reads in one file (up to here)" : $"this paragraph has {what}; the most is {MaxPerParagraph:N0}",
            new SourceSpan(path, line, 1), "split the text into paragraphs, or into several pages; write a literal * or [ as \\* or \\[");
        return false;
    }

    /// <summary>The line (1-based in the body) and column most likely to be the deepest nesting, for the error.</summary>
    public static (int Line, int Column) DeepestLine(string body)
    {
        var lines = body.Split('\n');
        int best = 0, bestScore = -1, bestDelimiters = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            var depth = 0;
            var j = 0;
            while (j < text.Length && text[j] is ' ' or '>' or '-' or '*' or '+' or '\t')
            {
                if (text[j] == '>') depth += 2;
                else if (text[j] is ' ' or '\t') depth++;
                else depth += 2;
                j++;
            }
            var delimiters = text.Count(ch => ch is '*' or '_' or '[' or '(');
            if (depth > bestScore || (depth == bestScore && delimiters > bestDelimiters))
            {
                best = i;
                bestScore = depth;
                bestDelimiters = delimiters;
            }
        }
        return (best + 1, 1);
    }
}
