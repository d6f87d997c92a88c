using System.Text;
using Acornima;

namespace CqcGuide.Site.Assets;

/// <summary>
/// Publishes the theme's scripts without their comments and indentation. The scripts are written for people (every
/// decision explained where it is made), and the comments were a third of what an assessment page downloaded; cutting
/// them kept the page within its 60 KB budget once the service worker joined it (issue 17).
///
/// The script is parsed as an ES module with Acornima (the parser Jint uses): a script that does not parse is an error
/// at its line and column, and only what the parser reports as a comment is removed, never text inside a string,
/// template or regular expression. What stays is the same program: a comment that spanned lines becomes a line break
/// (automatic semicolon insertion is unchanged), a comment within a line becomes a space, and only whitespace at the
/// start and end of lines outside template literals is dropped. Identifiers are never renamed, so errors in the browser
/// still name the functions in theme/assets/js.
/// </summary>
public static class ScriptCompactor
{
    public sealed record Failure(string Message, int Line, int Column);

    /// <summary>Compacts a theme script; one that does not parse is CG410 at its line (<paramref name="what"/> names it).</summary>
    public static string Compact(string source, string what, string path, DiagnosticBag diagnostics, bool module = true)
    {
        var text = Compact(source, out var failure, module);
        if (failure is not null)
            diagnostics.Error(Codes.ScriptSyntax, $"{what} is not valid JavaScript: {failure.Message}", new SourceSpan(path, failure.Line, failure.Column),
                "fix the script; the browser would refuse it too");
        return text;
    }

    /// <param name="module">Parse as an ES module (the theme's scripts); false for a classic script (the service worker).</param>
    public static string Compact(string source, out Failure? failure, bool module = true)
    {
        failure = null;
        var comments = new List<(int Start, int End, bool Lines)>();
        // Template chunks and strings: their characters (line breaks and indentation in a template) are the program's data.
        var verbatim = new List<(int Start, int End)>();
        var options = new ParserOptions
        {
            EcmaVersion = EcmaVersion.Latest,
            OnComment = (in Comment c) => comments.Add((c.Range.Start, c.Range.End, source.AsSpan(c.Range.Start, c.Range.End - c.Range.Start).IndexOfAny(LineBreaks) >= 0)),
            OnToken = (in Token t) =>
            {
                if (t.Kind is TokenKind.Template or TokenKind.StringLiteral or TokenKind.RegExpLiteral) verbatim.Add((t.Range.Start, t.Range.End));
            },
        };
        try
        {
            if (module) new Parser(options).ParseModule(source);
            else new Parser(options).ParseScript(source);
        }
        catch (ParseErrorException e)
        {
            failure = new Failure(e.Description ?? e.Message, e.LineNumber, e.Column);
            return source;
        }
        comments.Sort();
        verbatim.Sort();

        // First the comments go (each replaced so that the tokens around it stay apart, and lines stay lines).
        var text = new StringBuilder(source.Length);
        var at = 0;
        foreach (var (start, end, lines) in comments)
        {
            text.Append(source, at, start - at);
            text.Append(lines ? '\n' : ' ');
            at = end;
        }
        text.Append(source, at, source.Length - at);
        var kept = Shifted(verbatim, comments);

        // Then the whitespace around line breaks, and empty lines, outside the verbatim ranges.
        var stripped = text.ToString();
        var result = new StringBuilder(stripped.Length);
        var range = 0;
        var lineStart = true;
        for (var i = 0; i < stripped.Length; i++)
        {
            while (range < kept.Count && kept[range].End <= i) range++;
            var inside = range < kept.Count && kept[range].Start <= i && i < kept[range].End;
            var c = stripped[i];
            if (inside)
            {
                result.Append(c);
                lineStart = false;
                continue;
            }
            // Every line terminator JavaScript knows (CR LF, a lone CR, LF, U+2028, U+2029) becomes one LF.
            if (c is '\r' && i + 1 < stripped.Length && stripped[i + 1] == '\n') continue;
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                TrimEnd(result);
                if (!lineStart) result.Append('\n');
                lineStart = true;
                continue;
            }
            if (lineStart && c is ' ' or '\t') continue;
            result.Append(c);
            lineStart = false;
        }
        TrimEnd(result);
        while (result.Length > 0 && result[^1] == '\n') result.Length--;
        result.Append('\n');
        return result.ToString();
    }

    /// <summary>JavaScript's line terminators (ECMA-262 LineTerminator).</summary>
    public static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\n\r\u2028\u2029");

    /// <summary>Where each verbatim range sits once the comments before it were replaced.</summary>
    private static List<(int Start, int End)> Shifted(List<(int Start, int End)> verbatim, List<(int Start, int End, bool Lines)> comments)
    {
        var result = new List<(int, int)>(verbatim.Count);
        var c = 0;
        var shift = 0;
        foreach (var (start, end) in verbatim)
        {
            for (; c < comments.Count && comments[c].End <= start; c++)
                shift += 1 - (comments[c].End - comments[c].Start);
            result.Add((start + shift, end + shift));
        }
        return result;
    }

    private static void TrimEnd(StringBuilder text)
    {
        var n = text.Length;
        while (n > 0 && text[n - 1] is ' ' or '\t') n--;
        text.Length = n;
    }
}
