using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CqcGuide.Site.Markdown;

/// <summary>A heading of a page: the table of contents and the anchor check are built from these.</summary>
public sealed record Heading(int Level, string Text, string Id, int Line);

/// <summary>A link written in Markdown, with where it was written.</summary>
public sealed record MarkdownLink(string Url, int Line, int Column);

/// <summary>
/// What the parse stage keeps of a Markdown body: the facts later stages need (headings, links, anchors, raw HTML).
/// The syntax tree itself is not kept: holding 10,000 trees costs more memory than the whole build may use, so the
/// render stage parses the body again (a fraction of a millisecond) and resolves the same links, in the same order,
/// as it writes them.
/// </summary>
public sealed record ParsedMarkdown(
    string Body,
    IReadOnlyList<Heading> Headings,
    IReadOnlyList<MarkdownLink> Links,
    IReadOnlyList<HtmlFragment> RawHtml,
    IReadOnlySet<string> Anchors);

/// <summary>Raw HTML written in Markdown, with its first line in the file.</summary>
public sealed record HtmlFragment(string Html, int Line, int Column);

/// <summary>
/// The one Markdig pipeline (built once, shared by all threads): CommonMark plus pipe tables, footnotes, task lists,
/// GitHub-style heading ids and alerts. Each file is parsed exactly once; links, headings and anchors are read from the tree.
/// </summary>
public static class MarkdownEngine
{
    public static MarkdownPipeline Pipeline { get; } = Extensions().Build();

    private static MarkdownPipelineBuilder Extensions() => new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseFootnotes()
        .UseTaskLists()
        .Use<HeadingIds>()
        .UseAlertBlocks();

    /// <summary>
    /// Parses a document's body, or reports why it cannot (CG108 at the line): a paragraph with more emphasis markers or
    /// link brackets than <see cref="MarkdownLimits"/> allows (Markdig's work on those grows with their square), or
    /// nesting deeper than Markdig's limit. Never throws for content.
    /// </summary>
    public static ParsedMarkdown? TryParse(string body, int firstLine, string path, DiagnosticBag diagnostics)
    {
        if (!MarkdownLimits.Check(body, firstLine, path, diagnostics)) return null;
        try
        {
            var parsed = Parse(body, firstLine, out var unsafeAutolinks);
            foreach (var link in unsafeAutolinks) CqcGuide.Site.Pipeline.WebAddresses.Check(link.Url, new SourceSpan(path, link.Line, link.Column), diagnostics);
            return unsafeAutolinks.Count == 0 ? parsed : null;
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            var (line, column) = MarkdownLimits.DeepestLine(body);
            diagnostics.Error(Codes.MarkdownTooComplex, "the Markdown is nested too deeply to read (quotes, lists or emphasis inside each other)",
                new SourceSpan(path, firstLine + line - 1, column), "flatten the nesting: no page needs more than a few levels");
            return null;
        }
    }

    /// <param name="firstLine">The file line the body starts on (1-based), so that positions point into the file.</param>
    public static ParsedMarkdown Parse(string body, int firstLine) => Parse(body, firstLine, out _);

    /// <param name="unsafeAutolinks"><c>&lt;scheme:...&gt;</c> autolinks whose scheme is not http, https or mailto.</param>
    private static ParsedMarkdown Parse(string body, int firstLine, out List<MarkdownLink> unsafeAutolinks)
    {
        unsafeAutolinks = [];
        var ast = Markdig.Markdown.Parse(body, Pipeline);
        var headings = new List<Heading>();
        var links = new List<MarkdownLink>();
        var html = new List<HtmlFragment>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in ast.Descendants())
        {
            if (node is LinkInline l && IsChecked(l))
            {
                links.Add(new MarkdownLink(l.Url!, firstLine + l.Line, l.Column + 1));
                continue;
            }
            switch (node)
            {
                case HeadingBlock h:
                    var id = h.GetAttributes().Id;
                    if (id is not null)
                    {
                        anchors.Add(id);
                        headings.Add(new Heading(h.Level, PlainText(h.Inline), id, firstLine + h.Line));
                    }
                    break;
                case HtmlBlock block:
                    html.Add(new HtmlFragment(block.Lines.ToString(), firstLine + block.Line, block.Column + 1));
                    break;
                case HtmlInline inline:
                    html.Add(new HtmlFragment(inline.Tag, firstLine + inline.Line, inline.Column + 1));
                    break;
                case AutolinkInline autolink when !autolink.IsEmail && !CqcGuide.Site.Pipeline.WebAddresses.IsAllowed(autolink.Url):
                    unsafeAutolinks.Add(new MarkdownLink(autolink.Url, firstLine + autolink.Line, autolink.Column + 1));
                    break;
                case Markdig.Extensions.Footnotes.Footnote footnote:
                    anchors.Add("fn:" + footnote.Order);
                    anchors.Add("fnref:" + footnote.Order);
                    break;
            }
        }
        return new ParsedMarkdown(body, headings, links, html, anchors);
    }

    /// <summary>The links the build checks and rewrites: every link and image except bare autolinks to other sites.</summary>
    private static bool IsChecked(LinkInline link) => link.Url is not null && (link.IsImage || !link.IsAutoLink || link.Url.StartsWith('/'));

    /// <summary>The same pipeline, recording where each part of a link is in the text (for rewriting links in place).</summary>
    private static readonly MarkdownPipeline Located = Extensions().UsePreciseSourceLocation().Build();

    /// <summary>
    /// Returns <paramref name="body"/> with the address of each link, image and link reference definition replaced by
    /// what <paramref name="rewrite"/> returns for it (null: as written), and every other character unchanged. An
    /// address is replaced only where the text holds it exactly (inside angle brackets or not); one written with escapes
    /// is left as it is.
    /// </summary>
    public static string RewriteLinkAddresses(string body, Func<string, string?> rewrite)
    {
        var edits = new List<(int Start, int Length, string Text)>();
        foreach (var node in Markdig.Markdown.Parse(body, Located).Descendants())
        {
            var (url, span) = node switch
            {
                LinkInline { Reference: null, Url: { } u } l => (u, l.UrlSpan),
                Markdig.Syntax.LinkReferenceDefinition { Url: { } u } d => (u, d.UrlSpan),
                _ => (null, default),
            };
            if (url is null || span.IsEmpty || span.End >= body.Length || rewrite(url) is not { } replacement || replacement == url) continue;
            var written = body.Substring(span.Start, span.Length);
            var at = written == url ? span.Start : written == "<" + url + ">" ? span.Start + 1 : -1;
            if (at >= 0) edits.Add((at, url.Length, replacement));
        }
        var text = new System.Text.StringBuilder(body);
        foreach (var (start, length, replacement) in edits.OrderByDescending(e => e.Start))
            text.Remove(start, length).Insert(start, replacement);
        return text.ToString();
    }

    /// <summary>The addresses of the links and images in Markdown text (e.g. an assessment's introduction).</summary>
    public static IEnumerable<string> LinkAddresses(string text)
    {
        foreach (var node in Markdig.Markdown.Parse(text, Pipeline).Descendants())
        {
            if (node is LinkInline { Url: { } url }) yield return url;
            else if (node is AutolinkInline { IsEmail: false } autolink) yield return autolink.Url;
        }
    }

    /// <summary>
    /// Parses the body again and renders it. Before writing, each checked link (the same links, in the same order, as
    /// <see cref="ParsedMarkdown.Links"/>) is rewritten to what <paramref name="resolve"/> returns (null: as written),
    /// so links are resolved, and broken ones reported, while the page is written.
    /// </summary>
    public static string Render(ParsedMarkdown parsed, Func<MarkdownLink, string?> resolve)
    {
        var ast = Markdig.Markdown.Parse(parsed.Body, Pipeline);
        var i = 0;
        foreach (var link in ast.Descendants<LinkInline>())
        {
            if (!IsChecked(link)) continue;
            if (i < parsed.Links.Count && resolve(parsed.Links[i]) is { } target) link.Url = target;
            i++;
        }
        return Render(ast);
    }

    /// <summary>Markdown text (e.g. an assessment's introduction) to HTML, links as written.</summary>
    public static string ToHtml(string text) => Render(Markdig.Markdown.Parse(text, Pipeline));

    private static string Render(MarkdownDocument ast)
    {
        var writer = new StringWriter(new StringBuilder(4096));
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlTaskListRenderer>(new AccessibleTaskListRenderer());
        var tables = renderer.ObjectRenderers.FindExact<HtmlTableRenderer>();
        if (tables is not null) renderer.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollableTableRenderer(tables, TableLabels(ast)));
        renderer.Render(ast);
        writer.Flush();
        return writer.ToString();
    }

    public static string PlainText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var sb = new StringBuilder();
        foreach (var child in inline.Descendants<Inline>())
        {
            switch (child)
            {
                case LiteralInline literal: sb.Append(literal.Content.AsSpan()); break;
                case CodeInline code: sb.Append(code.Content); break;
                case LineBreakInline: sb.Append(' '); break;
            }
        }
        return sb.ToString().Trim();
    }

    /// <summary>Task list items as text a screen reader announces, not as unlabelled disabled checkboxes.</summary>
    private sealed class AccessibleTaskListRenderer : HtmlObjectRenderer<TaskList>
    {
        protected override void Write(HtmlRenderer renderer, TaskList obj) =>
            renderer.Write(obj.Checked
                ? "<span class=\"task-mark\" aria-hidden=\"true\">☑</span><span class=\"visually-hidden\">Done: </span>"
                : "<span class=\"task-mark\" aria-hidden=\"true\">☐</span><span class=\"visually-hidden\">To do: </span>");
    }

    /// <summary>A unique, meaningful name per table: its number and the heading it sits under.</summary>
    private static Dictionary<Table, string> TableLabels(MarkdownDocument ast)
    {
        var labels = new Dictionary<Table, string>();
        string? heading = null;
        var n = 0;
        foreach (var block in ast.Descendants<Block>())
        {
            if (block is HeadingBlock h) heading = PlainText(h.Inline);
            else if (block is Table t) labels[t] = $"Table {++n}" + (heading is null ? "" : $": {heading}");
        }
        return labels;
    }

    /// <summary>Wraps tables in a focusable, named region so that wide tables scroll by keyboard on small screens.</summary>
    private sealed class ScrollableTableRenderer(HtmlTableRenderer inner, Dictionary<Table, string> labels) : HtmlObjectRenderer<Table>
    {
        protected override void Write(HtmlRenderer renderer, Table table)
        {
            renderer.EnsureLine();
            renderer.Write("<div class=\"table-scroll\" role=\"region\" aria-label=\"");
            renderer.WriteEscape(labels.GetValueOrDefault(table, "Table"));
            renderer.WriteLine("\" tabindex=\"0\">");
            inner.Write(renderer, table);
            renderer.WriteLine("</div>");
        }
    }
}
