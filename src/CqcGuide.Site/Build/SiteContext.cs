using System.Collections.Concurrent;
using CqcGuide.Site.Content;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Build;

/// <summary>A page to render: a content document's page or a generated one (index, taxonomy, comparison...).</summary>
public sealed class SitePage
{
    public required string Url { get; init; }
    public required string Layout { get; init; }
    public required PageView View { get; init; }
    public ContentDocument? Document { get; init; }
    /// <summary>Content type for the build summary, e.g. "guidance", "taxonomy".</summary>
    public required string Type { get; init; }
    /// <summary>Ids this page has besides those in its Markdown and the templates (e.g. checklist items).</summary>
    public IReadOnlySet<string> ExtraAnchors { get; init; } = new HashSet<string>();
    public bool InSitemap { get; init; } = true;
    /// <summary>Applied to the rendered Markdown body (e.g. sanitising provider-authored HTML).</summary>
    public Func<string, string>? Transform { get; init; }
    /// <summary>Pre-rendered HTML for generated pages whose content is not Markdown.</summary>
    public string? Html { get; init; }

    public string OutputPath => SiteContext.OutputPathOf(Url);
}

/// <summary>Something listed on a taxonomy page, e.g. a guidance page under "Learning culture".</summary>
/// <param name="Axis">"statement", "key-question" or "tag".</param>
/// <param name="Group">The heading it is listed under on that page, e.g. "Guidance" or "Checklist items".</param>
public sealed record TaxonomyEntry(string Axis, string Key, string Group, int GroupOrder, ListItem Item);

/// <summary>A link from data (e.g. a checklist item's <c>guidance:</c>) to resolve like a Markdown link in <paramref name="From"/>.</summary>
public sealed record PendingLink(LinkView View, string Raw, ContentDocument? From, SourceSpan At);

/// <summary>State shared by the stages of one build.</summary>
public sealed class SiteContext
{
    public required BuildOptions Options { get; init; }
    public required SiteConfig Config { get; init; }
    public required DiagnosticBag Diagnostics { get; init; }
    /// <summary>URL path prefix of the site ("/" or "/guide/").</summary>
    public required string BasePath { get; init; }
    /// <summary>Absolute site address for canonical links and the sitemap, when known.</summary>
    public string? AbsoluteBase { get; init; }
    public required IReadOnlyList<ContentDocument> Documents { get; init; }
    /// <summary>Content files that failed to load or parse (their errors are reported); links to them are not reported again.</summary>
    public IReadOnlySet<string> UnparsedFiles { get; init; } = new HashSet<string>();
    public List<SitePage> Pages { get; } = [];
    /// <summary>Files copied as they are (input/assets): site-relative output path → full path.</summary>
    public SortedDictionary<string, string> StaticFiles { get; } = new(StringComparer.Ordinal);
    /// <summary>Extra output files (versions.json, schemas...): site-relative path → bytes.</summary>
    public ConcurrentDictionary<string, byte[]> ExtraFiles { get; } = new(StringComparer.Ordinal);
    /// <summary>Generated assets to hash with the theme's, e.g. compiled scoring modules: logical name → bytes.</summary>
    public SortedDictionary<string, byte[]> GeneratedAssets { get; } = new(StringComparer.Ordinal);

    /// <summary>What each section tags with a quality statement, key question or tag; the taxonomy pages list these.</summary>
    public List<TaxonomyEntry> Tagged { get; } = [];

    /// <summary>Links written in front matter or data (not Markdown), resolved and checked by the link stage.</summary>
    public List<PendingLink> PendingLinks { get; } = [];

    /// <summary>Extra header navigation entries contributed by sections (self-assessments, journal).</summary>
    public List<LinkView> NavSections { get; } = [];

    /// <summary>Extra footer links contributed by sections (e.g. how scoring works).</summary>
    public List<LinkView> FooterLinks { get; } = [];

    /// <summary>Models whose rule links (pitfall guidance) have been queued for the link check.</summary>
    public HashSet<string> RuleLinksChecked { get; } = new(StringComparer.Ordinal);

    public IEnumerable<ContentDocument> OfKind(ContentKind kind) => Documents.Where(d => d.Kind == kind);

    /// <summary>A site-relative URL ("/guidance/") as written in HTML (with the base path).</summary>
    public string Href(string url) => url.StartsWith('/') ? BasePath + url[1..] : url;

    public string Absolute(string url) => (AbsoluteBase ?? BasePath) + url.TrimStart('/');

    public static string OutputPathOf(string url) =>
        url.EndsWith('/') ? url[1..] + "index.html" : url[1..];

    public string Csp(bool wasm = false) =>
        "default-src 'self'; script-src 'self'" + (wasm ? " 'wasm-unsafe-eval'" : "") +
        "; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
}
