using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CqcGuide.Site.Yaml;

/// <summary>A Markdown file split into its YAML front matter and its body, with the line each starts on.</summary>
public sealed record SplitDocument(string? Yaml, int YamlFirstLine, string Body, int BodyFirstLine);

public static class FrontMatter
{
    /// <summary>Splits <c>---</c>-delimited front matter from the body. Reports a missing or unclosed block.</summary>
    public static SplitDocument? Split(string text, string path, DiagnosticBag diagnostics, bool required = true)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && text != "---")
        {
            if (required)
            {
                diagnostics.Error(Codes.MissingFrontMatter, "the file has no front matter", SourceSpan.File(path),
                    "start the file with a line '---', then YAML such as 'title: ...', then another '---'");
                return null;
            }
            return new SplitDocument(null, 1, text, 1);
        }
        var searchFrom = 4;
        while (true)
        {
            var end = text.IndexOf("\n---", searchFrom - 1, StringComparison.Ordinal);
            if (end < 0)
            {
                diagnostics.Error(Codes.UnclosedFrontMatter, "the front matter is not closed", SourceSpan.File(path),
                    "add a line '---' after the last YAML line");
                return null;
            }
            var after = end + 4;
            if (after == text.Length || text[after] == '\n')
            {
                var yaml = text[4..(end + 1)];
                var bodyStart = Math.Min(after + 1, text.Length);
                var bodyFirstLine = 1 + CountLines(text.AsSpan(0, bodyStart));
                return new SplitDocument(yaml, 2, text[bodyStart..], bodyFirstLine);
            }
            searchFrom = after + 1;
        }
    }

    private static int CountLines(ReadOnlySpan<char> s) => s.Count('\n');

    /// <summary>
    /// Parses YAML into a mapping node. Tabs used for indentation and malformed YAML are reported at their line.
    /// </summary>
    public static YamlMappingNode? ParseMapping(string yaml, int firstLine, string path, DiagnosticBag diagnostics, bool allowEmpty = false)
    {
        var ok = true;
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var indentEnd = 0;
            while (indentEnd < line.Length && (line[indentEnd] == ' ' || line[indentEnd] == '\t')) indentEnd++;
            var tab = line.IndexOf('\t', 0, indentEnd);
            if (tab >= 0)
            {
                diagnostics.Error(Codes.TabIndentation, "a tab is used for indentation; YAML allows only spaces",
                    new SourceSpan(path, firstLine + i, tab + 1), "replace the tab with spaces (two per level is usual)");
                ok = false;
            }
        }
        if (!ok) return null;

        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(new LimitingParser(parser));
        }
        catch (YamlLimitException e)
        {
            diagnostics.Error(Codes.YamlTooComplex, e.Message, new SourceSpan(path, firstLine + (int)e.At.Line - 1, Math.Max(1, (int)e.At.Column)), e.Hint);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws without a position for some unterminated constructs (e.g. "[a, b" at the
            // end of the front matter); report at the last thing it did read.
            var mark = parser.Current?.End ?? Mark.Empty;
            diagnostics.Error(Codes.MalformedYaml, "malformed YAML: something opened here is never closed",
                new SourceSpan(path, firstLine + Math.Max(0, (int)mark.Line - 1), Math.Max(1, (int)mark.Column)),
                "check for an unclosed '[', '{' or quote");
            return null;
        }
        catch (Exception e) when (e is System.Text.EncoderFallbackException or System.Text.DecoderFallbackException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet fails on some escapes it reads itself (a lone surrogate such as "\uD800" in a key).
            var mark = parser.Current?.Start ?? Mark.Empty;
            diagnostics.Error(Codes.MalformedYaml, $"malformed YAML: {e.Message}", new SourceSpan(path, firstLine + Math.Max(0, (int)mark.Line - 1), Math.Max(1, (int)mark.Column)),
                "check the escapes in quoted values (\\u must name a whole character)");
            return null;
        }
        catch (YamlException e)
        {
            var message = Clean(e.InnerException?.Message ?? e.Message);
            var start = e.InnerException is YamlException inner ? inner.Start : e.Start;
            var isDuplicate = message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase);
            diagnostics.Error(isDuplicate ? Codes.DuplicateKey : Codes.MalformedYaml,
                isDuplicate ? $"a key appears twice: {message}" : $"malformed YAML: {message}",
                new SourceSpan(path, firstLine + (int)start.Line - 1, (int)start.Column),
                isDuplicate ? "keep one of the two entries" : "check indentation, colons after keys, and quotes around values that contain ': ' or start with a special character");
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            if (allowEmpty) return new YamlMappingNode();
            diagnostics.Error(Codes.MissingFrontMatter, "the front matter is empty", new SourceSpan(path, firstLine, 1),
                "add at least 'title: ...'");
            return null;
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            var node = stream.Documents[0].RootNode;
            diagnostics.Error(Codes.WrongType, "the front matter must be a mapping of 'key: value' lines",
                new SourceSpan(path, firstLine + (int)node.Start.Line - 1, (int)node.Start.Column));
            return null;
        }
        return mapping;
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is reported separately.
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
    }
}
