using System.Net;
using AngleSharp.Html.Parser;
using CqcGuide.Site.Markdown;

namespace CqcGuide.Site.Pipeline;

/// <summary>
/// Resolves and checks every internal link and anchor: Markdown links (while the renderer writes them), links given
/// in data (resolved while views are built) and links written literally in templates. Relative links to
/// <c>.md</c> files become the target page's address. External links are not fetched.
/// Anchors come from the Markdown tree (headings, footnotes), ids written in raw HTML (parsed with AngleSharp, only
/// where raw HTML exists) and ids written in templates: no built page is parsed again.
/// </summary>
public sealed class LinkResolver
{
    private readonly Func<string, string> href;
    private readonly DiagnosticBag diagnostics;
    private readonly IReadOnlyDictionary<string, PagePlan> pagesByUrl;
    private readonly IReadOnlyDictionary<string, ContentDocument> docsByPath;
    private readonly IReadOnlySet<string> unparsed;
    private readonly Dictionary<string, IReadOnlySet<string>> anchors = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string> templateIds;
    private readonly Func<string, bool> fileExists;

    /// <param name="docsByPath">Every document a link may point to, by path relative to the input folder.</param>
    /// <param name="unparsed">Content files that failed to load (their errors are reported; links to them are not reported again).</param>
    public LinkResolver(IReadOnlyDictionary<string, PagePlan> pagesByUrl, IReadOnlyDictionary<string, ContentDocument> docsByPath, IReadOnlySet<string> unparsed,
        IReadOnlySet<string> templateIds, Func<string, bool> fileExists, Func<string, string> href, DiagnosticBag diagnostics)
    {
        this.pagesByUrl = pagesByUrl;
        this.docsByPath = docsByPath;
        this.unparsed = unparsed;
        this.templateIds = templateIds;
        this.fileExists = fileExists;
        this.href = href;
        this.diagnostics = diagnostics;
        var parser = new HtmlParser();
        foreach (var p in pagesByUrl.Values) anchors[p.Url] = AnchorsOf(p, parser);
    }

    /// <summary>A page's ids: its plan's, its Markdown headings and footnotes, and ids written in its raw HTML (parsed
    /// with AngleSharp only where raw HTML has an <c>id=</c>).</summary>
    private static IReadOnlySet<string> AnchorsOf(PagePlan p, HtmlParser parser)
    {
        if (p.Document?.Markdown is not { } md) return p.Anchors;
        var set = new HashSet<string>(p.Anchors, StringComparer.Ordinal);
        set.UnionWith(md.Anchors);
        foreach (var fragment in md.RawHtml.Where(h => h.Html.Contains("id=", StringComparison.OrdinalIgnoreCase)))
        {
            var dom = parser.ParseFragment(fragment.Html, null!);
            foreach (var node in dom.OfType<AngleSharp.Dom.IElement>())
            {
                if (node.Id is { Length: > 0 } id) set.Add(id);
                foreach (var child in node.QuerySelectorAll("[id]")) set.Add(child.Id!);
            }
        }
        return set;
    }

    /// <summary>The link target of a Markdown link in <paramref name="doc"/>, for the renderer (null: leave as written).</summary>
    public string? ResolveMarkdownLink(ContentDocument doc, MarkdownLink link, DiagnosticBag? report)
    {
        var resolved = Resolve(link.Url, doc, new SourceSpan(doc.Path, link.Line, link.Column), report);
        return resolved is not null && resolved != link.Url ? resolved : null;
    }

    /// <summary>The document a link to a <c>.md</c> file points to, if there is one (e.g. for the link's title).</summary>
    public ContentDocument? TargetDocument(string raw, ContentDocument from)
    {
        var path = raw.Split('#')[0].Split('?')[0];
        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return null;
        var target = Normalise(DirectoryOf(path.StartsWith('/') ? "" : from.Source.RelativePath), path.TrimStart('/'));
        return target is not null && docsByPath.TryGetValue(target, out var doc) ? doc : null;
    }

    /// <summary>Returns the link as it should be written in HTML, or null when it is broken (and reported).</summary>
    public string? Resolve(string raw, ContentDocument? from, SourceSpan at, DiagnosticBag? report = null)
    {
        var diagnostics = report ?? this.diagnostics;
        if (raw.Length == 0) return raw;
        if (IsExternal(raw) || !WebAddresses.IsAllowed(raw))
        {
            if (!WebAddresses.Check(raw, at, diagnostics)) return null;
            Validation.ExternalAddress(raw, at, diagnostics);
            return raw;
        }
        var hash = raw.IndexOf('#');
        var path = hash >= 0 ? raw[..hash] : raw;
        var fragment = hash >= 0 ? WebUtility.UrlDecode(raw[(hash + 1)..]) : null;
        var query = path.IndexOf('?');
        if (query >= 0) path = path[..query];
        string? targetUrl;
        if (path.Length == 0)
        {
            targetUrl = from?.Url;
        }
        else if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            if (from is null)
            {
                diagnostics.Error(Codes.BrokenLink, $"'{raw}': a link to a .md file needs a content file to be relative to", at);
                return null;
            }
            var target = Normalise(DirectoryOf(path.StartsWith('/') ? "" : from.Source.RelativePath), path.TrimStart('/'));
            if (target is not null && unparsed.Contains(target)) return raw; // its own errors are reported
            if (target is null || !docsByPath.TryGetValue(target, out var doc))
            {
                var suggestion = SuggestFile(target ?? path);
                diagnostics.Error(Codes.BrokenLink, $"broken link '{raw}': there is no file {target ?? path}", at,
                    suggestion is not null ? $"did you mean '{Relative(from.Source.RelativePath, suggestion)}'?" : "links to content are relative to this file, e.g. ../checklists/four-common-pitfalls.md");
                return null;
            }
            targetUrl = doc.Url;
        }
        else
        {
            var absolute = path.StartsWith('/') ? path : from is null ? null : ResolveUrl(from.Url, path);
            if (absolute is null)
            {
                diagnostics.Error(Codes.BrokenLink, $"broken link '{raw}'", at);
                return null;
            }
            if (pagesByUrl.ContainsKey(absolute)) targetUrl = absolute;
            else if (!absolute.EndsWith('/') && pagesByUrl.ContainsKey(absolute + "/")) targetUrl = absolute + "/";
            else if (absolute.EndsWith("/index.html", StringComparison.Ordinal) && pagesByUrl.ContainsKey(absolute[..^"index.html".Length])) targetUrl = absolute[..^"index.html".Length];
            else if (fileExists(absolute.TrimStart('/')))
            {
                return href(absolute) + (fragment is null ? "" : "#" + fragment);
            }
            else
            {
                var suggestion = CqcGuide.Rules.Domain.Nearest.Find(absolute, pagesByUrl.Keys);
                diagnostics.Error(Codes.BrokenLink, $"broken link '{raw}': no page or file at {absolute}", at,
                    suggestion is not null ? $"did you mean '{suggestion}'?" : null);
                return null;
            }
        }
        if (targetUrl is null) return raw;
        if (fragment is { Length: > 0 } && !HasAnchor(targetUrl, fragment))
        {
            var known = anchors.GetValueOrDefault(targetUrl) ?? new HashSet<string>();
            var suggestion = CqcGuide.Rules.Domain.Nearest.Find(fragment, known);
            diagnostics.Error(Codes.BrokenAnchor, $"broken anchor '#{fragment}': {targetUrl} has no such heading or id", at,
                suggestion is not null ? $"did you mean '#{suggestion}'?" : "heading ids are the heading text in lower case with spaces as hyphens and punctuation removed");
            return null;
        }
        return href(targetUrl) + (fragment is null ? "" : "#" + fragment);
    }

    private string? SuggestFile(string target)
    {
        var name = target[(target.LastIndexOf('/') + 1)..];
        var candidates = docsByPath.Keys.Where(k => k.EndsWith(".md", StringComparison.Ordinal)).ToArray();
        var byName = CqcGuide.Rules.Domain.Nearest.Find(name, candidates.Select(k => k[(k.LastIndexOf('/') + 1)..]).Distinct(), Math.Max(2, name.Length / 3));
        if (byName is null) return null;
        var dir = DirectoryOf(target);
        return candidates.FirstOrDefault(k => k == (dir.Length == 0 ? byName : dir + "/" + byName)) ?? candidates.First(k => k.EndsWith("/" + byName, StringComparison.Ordinal) || k == byName);
    }

    private bool HasAnchor(string url, string fragment) =>
        templateIds.Contains(fragment) || (anchors.TryGetValue(url, out var set) && set.Contains(fragment));

    public static bool IsExternal(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal)) return true;
        var colon = url.IndexOf(':');
        if (colon <= 0) return false;
        var slash = url.IndexOfAny(['/', '?', '#']);
        return slash < 0 || colon < slash;
    }

    private static string DirectoryOf(string relativePath)
    {
        var cut = relativePath.LastIndexOf('/');
        return cut < 0 ? "" : relativePath[..cut];
    }

    /// <summary>The path taken from the directory, decoded first (links are written URL-encoded).</summary>
    private static string? Normalise(string directory, string path) => RelativePaths.Normalise(directory, WebUtility.UrlDecode(path));

    private static string? ResolveUrl(string baseUrl, string relative)
    {
        var directory = baseUrl.EndsWith('/') ? baseUrl.Trim('/') : DirectoryOf(baseUrl.Trim('/'));
        var normalised = Normalise(directory, relative);
        if (normalised is null) return null;
        return "/" + normalised + (relative.EndsWith('/') && normalised.Length > 0 ? "/" : "");
    }

    private static string Relative(string from, string to) =>
        Path.GetRelativePath(DirectoryOf(from).Length == 0 ? "." : DirectoryOf(from), to).Replace('\\', '/');
}
