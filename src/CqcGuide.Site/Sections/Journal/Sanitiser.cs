using AngleSharp.Dom;
using CqcGuide.Site.Pipeline;
using Ganss.Xss;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>
/// Provider-authored HTML in learning logs, against the allow-list in docs/content-spec.md: the text elements Markdown
/// itself writes (paragraphs, headings, lists, tables, quotes, code, emphasis, links, site images, details, an alert's
/// icon), with the attributes those need. Everything else is removed from the page, and each removal is a warning (CG303) at its line:
/// scripts, forms, iframes and embeds, event handlers, inline styles (except a table cell's text-align), <c>target</c>,
/// images from other sites, non-web links, and ids, classes or roles that Markdown did not write (a log could otherwise
/// impersonate the site's own chrome, e.g. <c>id="main-content"</c> or <c>class="skip-link"</c>).
/// </summary>
public static class Sanitiser
{
    private static readonly string[] Tags =
    [
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div",
        "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
        "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "time", "tr", "u", "ul", "var",
        // The icon Markdown writes in an alert: shapes only (no script, link, style or foreign content is allowed in it).
        "svg", "path",
    ];

    private static readonly string[] Attributes =
    [
        "href", "src", "alt", "title", "colspan", "rowspan", "scope", "headers", "abbr", "start", "reversed", "value", "lang", "dir",
        "datetime", "cite", "open", "width", "height", "style", "viewBox", "version", "d",
        // Written by our own Markdown output, kept only with the values it writes (see Allowed).
        "id", "class", "role", "aria-label", "aria-hidden", "tabindex",
    ];

    /// <summary>Classes our Markdown output writes (alerts, tables, task lists, footnotes); <c>language-*</c> on code too.</summary>
    private static readonly string[] Classes =
    [
        "markdown-alert", "markdown-alert-title", "markdown-alert-note", "markdown-alert-tip", "markdown-alert-important",
        "markdown-alert-warning", "markdown-alert-caution", "table-scroll", "task-mark", "visually-hidden", "task-list-item",
        "contains-task-list", "footnotes", "footnote-ref", "footnote-back-ref",
    ];

    private static HtmlSanitizer New(IReadOnlySet<string> ids, List<string>? removed)
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(Tags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.UnionWith(Attributes);
        sanitizer.AllowedClasses.Clear();
        sanitizer.AllowedClasses.UnionWith(Classes);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedCssProperties.Add("text-align");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(WebAddresses.AllowedSchemes);
        sanitizer.AllowedAtRules.Clear();
        sanitizer.RemovingCssClass += (_, e) => e.Cancel = e.CssClass.StartsWith("language-", StringComparison.Ordinal);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element) return;
            void Drop(string attribute)
            {
                removed?.Add($"{attribute}=\"{element.GetAttribute(attribute)}\"");
                element.RemoveAttribute(attribute);
            }
            if (element.GetAttribute("id") is { } id && !ids.Contains(id)) Drop("id");
            if (element.GetAttribute("role") is { } role && role != "region") Drop("role");
            if (element.GetAttribute("tabindex") is { } tabindex && tabindex != "0") Drop("tabindex");
            if (element.GetAttribute("aria-hidden") is { } hidden && hidden != "true") Drop("aria-hidden");
            if (element.LocalName == "img" && element.GetAttribute("src") is { } src && (LinkResolver.IsExternal(src) || src.StartsWith("//", StringComparison.Ordinal)))
            {
                removed?.Add($"<img src=\"{src}\"> (images from other sites)");
                e.ReplacementNodes.Add(e.Document.CreateTextNode(""));
            }
        };
        if (removed is not null)
        {
            sanitizer.RemovingTag += (_, e) => removed.Add($"<{e.Tag.LocalName}>");
            sanitizer.RemovingAttribute += (_, e) =>
            {
                // A class or style emptied by the removals above is not a removal of its own.
                if (e.Reason is not (RemoveReason.ClassAttributeEmpty or RemoveReason.StyleAttributeEmpty)) removed.Add($"{e.Attribute.Name}=\"{e.Attribute.Value}\"");
            };
            sanitizer.RemovingStyle += (_, e) => removed.Add($"style \"{e.Style.Name}\"");
            sanitizer.RemovingCssClass += (_, e) =>
            {
                if (!e.Cancel) removed.Add($"class \"{e.CssClass}\"");
            };
            sanitizer.RemovingAtRule += (_, _) => removed.Add("a CSS @-rule");
        }
        return sanitizer;
    }

    /// <summary>The sanitiser for one log's rendered body (after its links are rewritten): its own heading and footnote
    /// ids are kept, any other id is removed.</summary>
    public static Func<string, string> For(ContentDocument doc)
    {
        var ids = doc.Markdown?.Anchors ?? new HashSet<string>();
        return html => New(ids, null).Sanitize(html);
    }

    /// <summary>Sanitises HTML that has no ids of its own to keep.</summary>
    public static string Sanitise(string html) => New(new HashSet<string>(), null).Sanitize(html);

    /// <summary>Reports each thing sanitising removes from a log's raw HTML, one warning per removal, at its line.</summary>
    public static void Warnings(ContentDocument doc, DiagnosticBag diagnostics)
    {
        var ids = doc.Markdown!.Anchors;
        foreach (var fragment in doc.Markdown.RawHtml)
        {
            var removed = new List<string>();
            New(ids, removed).Sanitize(fragment.Html);
            foreach (var what in removed.Distinct())
                diagnostics.Warning(Codes.UnsafeHtml, $"removed from a learning log: {what}", new SourceSpan(doc.Path, fragment.Line, fragment.Column),
                    "logs may use the HTML listed in docs/content-spec.md (text, lists, tables, links, site images); scripts, forms, styles, target, other sites' images and the site's own ids and classes are never published");
        }
    }
}
