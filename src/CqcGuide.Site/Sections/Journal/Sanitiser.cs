using CqcGuide.Site.Pipeline;
using Ganss.Xss;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>Provider-authored HTML in learning logs: sanitised on the page, and each fragment that loses something
/// reported at its line.</summary>
public static class Sanitiser
{
    private static HtmlSanitizer NewSanitizer()
    {
        // HtmlSanitizer's allow-list (no script, iframe, object, event handlers, javascript: URLs or styles), plus the
        // attributes our own Markdown output uses for headings, alerts and accessible tables.
        var sanitizer = new HtmlSanitizer();
        foreach (var attribute in new[] { "id", "class", "role", "aria-label", "aria-hidden", "tabindex" })
            sanitizer.AllowedAttributes.Add(attribute);
        return sanitizer;
    }

    /// <summary>Sanitises a log's rendered body (after the link stage has rewritten its links).</summary>
    public static string Sanitise(string html) => NewSanitizer().Sanitize(html);

    /// <summary>Reports each raw HTML fragment in a log that sanitising would change, at its line.</summary>
    public static void Warnings(ContentDocument doc, DiagnosticBag diagnostics)
    {
        foreach (var fragment in doc.Markdown!.RawHtml)
        {
            var removed = new List<string>();
            var probe = NewSanitizer();
            probe.RemovingTag += (_, e) => removed.Add($"<{e.Tag.NodeName.ToLowerInvariant()}>");
            probe.RemovingAttribute += (_, e) => removed.Add($"{e.Attribute.Name}=\"{e.Attribute.Value}\"");
            probe.RemovingStyle += (_, _) => removed.Add("style");
            probe.RemovingAtRule += (_, _) => removed.Add("@-rule");
            probe.Sanitize(fragment.Html);
            if (removed.Count > 0)
                diagnostics.Warning(Codes.UnsafeHtml, $"unsafe HTML removed from a provider-authored page: {string.Join(", ", removed.Distinct().Take(5))}",
                    new SourceSpan(doc.Path, fragment.Line, fragment.Column), "scripts, event handlers, javascript: links, iframes and styles are never published");
        }
    }
}
